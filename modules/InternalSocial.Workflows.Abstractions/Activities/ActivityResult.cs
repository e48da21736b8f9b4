
namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>What an activity ended with: an outcome to follow, or bookmarks to wait on.</summary>
public sealed class ActivityResult
{
    private ActivityResult(string? outcome, IReadOnlyList<BookmarkRequest> bookmarks, string? note)
    {
        OutcomeName = outcome;
        Bookmarks = bookmarks;
        Note = note;
    }

    public string? OutcomeName { get; }

    public IReadOnlyList<BookmarkRequest> Bookmarks { get; }

    /// <summary>Written in the instance's history.</summary>
    public string? Note { get; }

    public static ActivityResult Outcome(string outcome, string? note = null) => new(outcome, [], note);

    public static ActivityResult Wait(params BookmarkRequest[] bookmarks) => new(null, bookmarks, null);
}
