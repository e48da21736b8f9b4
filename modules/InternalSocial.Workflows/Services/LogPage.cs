using Microsoft.AspNetCore.Authorization;
using TaskStatus = InternalSocial.Workflows.Models.TaskStatus;

namespace InternalSocial.Workflows.Services;

public sealed record LogPage(IReadOnlyList<LogEntryView> Items, string? NextCursor);
