using System.Text.Json.Nodes;

namespace InternalSocial.Workflows.Services;

internal sealed record InstanceDetail(InstanceSummary Instance, IReadOnlyList<HistoryView> History, JsonObject Variables);
