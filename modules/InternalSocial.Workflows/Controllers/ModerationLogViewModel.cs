using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

internal sealed record ModerationLogViewModel(LogPage Page, string? Cursor, int Take);
