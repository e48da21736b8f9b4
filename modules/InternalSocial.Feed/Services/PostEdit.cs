namespace InternalSocial.Feed.Services;

/// <param name="Post">The post as readers see it: the published version while an edit waits.</param>
/// <param name="Held">The edit waits for a moderator's approval.</param>
internal sealed record PostEdit(PostCard Post, bool Held);
