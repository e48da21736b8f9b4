namespace InternalSocial.Feed.Services;

/// <summary>What a post's or comment's Markdown becomes: safe HTML, its tags and the people it mentions.</summary>
internal sealed record RenderedContent(string Html, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> MentionedUserIds);
