using System.Security.Claims;
using InternalSocial.Feed.Events;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>How far an announcement reached: people who saw it, people who acknowledged it.</summary>
public sealed record AnnouncementStats(long PostId, int Viewers, int Acknowledged, double AcknowledgementRate);
