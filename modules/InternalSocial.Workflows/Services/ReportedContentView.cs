namespace InternalSocial.Workflows.Services;

internal sealed record ReportedContentView(string ContentType, string ContentId, long? GroupId, string AuthorId, string Summary, int Reports, IReadOnlyList<string> Reasons, DateTime LastReportedUtc);
