namespace InternalSocial.Feed.Services;

internal sealed record ReactionTypeView(string Key, string Label, string Emoji);
