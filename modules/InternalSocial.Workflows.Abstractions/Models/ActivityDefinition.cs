using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Abstractions.Models;

public sealed class ActivityDefinition
{
    public string Id { get; set; } = "";

    /// <summary>The activity type ("approval", "feed.publishPost"), contributed by a module.</summary>
    public string Type { get; set; } = "";

    public string? Title { get; set; }

    public JsonObject Properties { get; set; } = [];
}
