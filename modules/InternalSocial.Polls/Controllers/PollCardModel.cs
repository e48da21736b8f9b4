using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Controllers;

/// <summary>The <c>PollCard</c> view component's model: the poll, its bars when the reader may see them, the page to come back to.</summary>
internal sealed record PollCardModel(PollView Poll, PollBarsModel? Bars, string ReturnUrl);
