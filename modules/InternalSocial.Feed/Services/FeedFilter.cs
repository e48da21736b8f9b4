using System.Buffers.Binary;
using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>all, following (people and tags I follow), announcements, or one tag.</summary>
public enum FeedFilter
{
    All,
    Following,
    Announcements,
    Tag,
}
