namespace InternalSocial.Polls.FeedBridge;

/// <summary>
/// Which posts of the page being drawn carry a poll or a quiz, as the feed asked once for the whole page: the cards then
/// read the quizzes of every post at once instead of one post at a time. Scoped: one request, one page.
/// </summary>
internal sealed class PostAddonPage
{
    public bool Known { get; private set; }

    public IReadOnlySet<long> WithPolls { get; private set; } = new HashSet<long>();

    public IReadOnlySet<long> WithQuizzes { get; private set; } = new HashSet<long>();

    public void Remember(IReadOnlySet<long> withPolls, IReadOnlySet<long> withQuizzes)
    {
        (WithPolls, WithQuizzes, Known) = (withPolls, withQuizzes, true);
    }
}
