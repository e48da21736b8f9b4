
namespace InternalSocial.Workflows.Abstractions.Activities;

public sealed record BookmarkRequest(string Kind, string? EventName = null, string? CorrelationKey = null, long? TaskId = null, DateTime? DueUtc = null);
