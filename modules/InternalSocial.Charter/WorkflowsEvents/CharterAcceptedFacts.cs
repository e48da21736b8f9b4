using System.Text.Json.Nodes;
using InternalSocial.Charter.Events;

namespace InternalSocial.Charter.WorkflowsEvents;

/// <summary>The facts <c>charter.accepted</c> brings: who accepted which version, when and how.</summary>
internal static class CharterAcceptedFacts
{
    public const string EventName = "charter.accepted";

    public static readonly IReadOnlyList<string> Names =
    [
        "charter.audience", "charter.version", "acceptance.language", "acceptance.method", "acceptance.acceptedUtc",
        "subject.type", "subject.id", "subject.authorId", "subject.summary",
    ];

    public static Dictionary<string, JsonNode?> Build(CharterAccepted accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return new Dictionary<string, JsonNode?>
        {
            ["charter.audience"] = accepted.Audience,
            ["charter.version"] = accepted.Number,
            ["acceptance.language"] = accepted.Language,
            ["acceptance.method"] = accepted.Method,
            ["acceptance.acceptedUtc"] = accepted.AcceptedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["subject.type"] = "charter",
            ["subject.id"] = $"{accepted.Audience}:{accepted.Number}",
            ["subject.authorId"] = accepted.UserId,
            ["subject.summary"] = $"{accepted.Audience} charter v{accepted.Number}",
        };
    }
}
