using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

public sealed record PostInput(
    string? Body,
    IReadOnlyList<string>? Tags = null,
    AudienceInput? Audience = null,
    DateTime? PublishAt = null,
    DateTime? ExpiresAt = null,
    IReadOnlyList<long>? Attachments = null,
    bool Announcement = false,
    bool RequireAcknowledgement = false,
    DateTime? PinUntil = null);
