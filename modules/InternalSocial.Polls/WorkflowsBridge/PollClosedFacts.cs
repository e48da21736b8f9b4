using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Polls.Events;

namespace InternalSocial.Polls.WorkflowsBridge;

/// <summary>The facts <c>polls.closed</c> brings: the poll and how many took part, never who.</summary>
internal static class PollClosedFacts
{
    public const string EventName = "polls.closed";

    public static readonly IReadOnlyList<string> Names =
    [
        "poll.id", "poll.title", "poll.participantCount", "poll.resultsVisibility", "subject.type", "subject.id", "subject.summary",
    ];

    public static Dictionary<string, JsonNode?> Build(PollClosed closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var id = closed.PollId.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, JsonNode?>
        {
            ["poll.id"] = id,
            ["poll.title"] = closed.Title,
            ["poll.participantCount"] = closed.ParticipantCount,
            ["poll.resultsVisibility"] = closed.ResultsVisibility,
            ["subject.type"] = "poll",
            ["subject.id"] = id,
            ["subject.summary"] = closed.Title,
        };
    }
}
