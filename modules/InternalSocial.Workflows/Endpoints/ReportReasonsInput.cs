using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Endpoints;

internal sealed record ReportReasonsInput(List<ReportReason>? ReportReasons);
