using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>The host's defaults for every tenant (<c>InternalSocial:Feed:PostsPerMinute</c>, 30 unless configured).</summary>
public sealed record FeedDefaults(int PostsPerMinute);
