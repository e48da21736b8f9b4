namespace InternalSocial.Feed.Services;

public sealed record ReactionTypeView(string Key, string Label, string Emoji);
