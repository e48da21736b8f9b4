using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;

namespace InternalSocial.Workflows.Services;

public sealed record InstanceDetail(InstanceSummary Instance, IReadOnlyList<HistoryView> History, JsonObject Variables);
