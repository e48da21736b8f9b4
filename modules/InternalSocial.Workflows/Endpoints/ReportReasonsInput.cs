using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Endpoints;

public sealed record ReportReasonsInput(List<ReportReason>? ReportReasons);
