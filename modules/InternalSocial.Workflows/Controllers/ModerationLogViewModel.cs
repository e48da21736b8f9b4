using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

public sealed record ModerationLogViewModel(LogPage Page, string? Cursor, int Take);
