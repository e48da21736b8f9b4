using System.Security.Claims;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>Following people and tags, and the organisation's curated tags.</summary>
internal sealed class FollowService(FeedDbContext db, IAuthorizationService authorization, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    public const int MaxFollows = 1000;

    public async Task FollowTagAsync(ClaimsPrincipal user, string tag, bool follow, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.View);
        var name = (tag ?? "").Trim().TrimStart('#').ToLowerInvariant();
        if (!PostValidator.IsTag(name))
        {
            throw new InvalidInputException("tag", T["A tag has 1 to 50 letters, digits, '-' or '_'."]);
        }

        await SetAsync(UserId(user), FollowKinds.Tag, name, follow, cancellationToken);
    }

    public async Task FollowPersonAsync(ClaimsPrincipal user, string userName, bool follow, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.View);
        var person = (await people.GetByUserNamesAsync([userName ?? ""], cancellationToken)).Values.FirstOrDefault()
            ?? throw new NotFoundException(T["Nobody is called {0}.", userName ?? ""]);
        await SetAsync(UserId(user), FollowKinds.Person, person.Id, follow, cancellationToken);
    }

    public async Task<bool> FollowsTagAsync(ClaimsPrincipal user, string tag, CancellationToken cancellationToken)
    {
        var me = UserId(user);
        return await db.Follows.AnyAsync(f => f.UserId == me && f.Kind == FollowKinds.Tag && f.Target == tag, cancellationToken);
    }

    /// <summary>Official tags first (pinned on top), then the ones the user follows.</summary>
    public async Task<IReadOnlyList<TagView>> TagsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.View);
        var me = UserId(user);
        var followed = await db.Follows.Where(f => f.UserId == me && f.Kind == FollowKinds.Tag).Select(f => f.Target).Take(MaxFollows).ToListAsync(cancellationToken);
        var curated = await db.Tags.OrderByDescending(t => t.IsPinned).ThenBy(t => t.Name).Take(200).ToListAsync(cancellationToken);
        return curated.Select(t => new TagView(t.Name, t.Description, t.IsOfficial, t.IsPinned, followed.Contains(t.Name)))
            .Concat(followed.Where(f => curated.All(t => t.Name != f)).Order(StringComparer.Ordinal).Select(f => new TagView(f, "", false, false, true)))
            .ToList();
    }

    private async Task SetAsync(string userId, string kind, string target, bool follow, CancellationToken cancellationToken)
    {
        if (!follow)
        {
            await db.Follows.Where(f => f.UserId == userId && f.Kind == kind && f.Target == target).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (await db.Follows.CountAsync(f => f.UserId == userId, cancellationToken) >= MaxFollows)
        {
            throw new InvalidInputException("target", T["You follow {0} people and tags already; unfollow some first.", MaxFollows]);
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Feed_Follows\" (\"UserId\", \"Kind\", \"Target\") VALUES ({userId}, {kind}, {target}) ON CONFLICT DO NOTHING", cancellationToken);
    }

    private static string UserId(ClaimsPrincipal user) => user.GetUserId();
}
