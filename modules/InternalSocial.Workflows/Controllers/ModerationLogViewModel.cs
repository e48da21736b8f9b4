using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

public sealed record ModerationLogViewModel(LogPage Page, string? Cursor, int Take);
