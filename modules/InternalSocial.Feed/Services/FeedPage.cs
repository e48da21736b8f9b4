using System.Buffers.Binary;
using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

public sealed record FeedPage(IReadOnlyList<PostCard> Items, string? NextCursor, string? SinceCursor);
