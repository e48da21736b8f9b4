namespace InternalSocial.Feed.Models;

/// <summary>Where a post stands in its life; only <see cref="Published"/> posts are read by others.</summary>
internal enum PostStatus
{
    Published = 0,

    /// <summary>Held for approval (the workflows module, issue 8).</summary>
    Pending = 1,
    Rejected = 2,
    ChangesRequested = 3,
}
