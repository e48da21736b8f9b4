namespace InternalSocial.Workflows.Abstractions;

/// <summary>A piece of content as reports see it.</summary>
public sealed record ReportableItem(string ContentType, string ContentId, long? GroupId, string AuthorId, string Summary);
