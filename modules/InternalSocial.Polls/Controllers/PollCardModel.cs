using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>The <c>PollCard</c> view component's model: the poll, its bars when the reader may see them, the page to come back to.</summary>
internal sealed record PollCardModel(PollView Poll, PollBarsModel? Bars, string ReturnUrl)
{
    /// <summary>The card of a poll on <paramref name="page"/>: after voting without script the reader lands back on this card, not at the top.</summary>
    public static PollCardModel For(PollView poll, string page)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return new(poll, PollBarsModel.FromView(poll), $"{page}#{Anchor(poll.Id)}");
    }

    public static string Anchor(long pollId) => $"poll-card-{pollId}";
}
