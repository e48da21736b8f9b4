namespace InternalSocial.Feed.Models;

/// <summary>A kind of reaction offered under posts (like, celebrate…), configured by recipe.</summary>
internal sealed class ReactionType
{
    public required string Key { get; set; }

    public required string Label { get; set; }

    public string Emoji { get; set; } = "";

    public int Position { get; set; }
}
