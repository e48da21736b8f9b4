using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Personal data rights and departures: a person's export (a ZIP of JSON), deactivation (a former employee: no
/// sign-in, content stays), erasure (personal fields gone for good), guest expiry. Each admin action is audited.
/// </summary>
internal sealed class PersonalDataService(
    UsersDbContext db,
    UserManager<User> userManager,
    IAuthorizationService authorization,
    AccountPrivilege privilege,
    IEnumerable<IPersonalDataContributor> contributors,
    ProfilePhotos photos,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const string Deactivated = "deactivated";
    public const string Erased = "erased";
    public const string Reactivated = "reactivated";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The signed-in person's data: <c>profile.json</c> and one <c>{Name}.json</c> per contributing module.</summary>
    public async Task<byte[]> ExportAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var userId = viewer?.FindUserId() ?? throw new PermissionDeniedException(Permissions.ViewDirectory);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        var terms = await db.Terms.AsNoTracking().Where(t => t.UserId == userId && t.Kind != PersonTerm.Name).ToListAsync(cancellationToken);
        var profile = new
        {
            user.Id,
            user.UserName,
            user.Email,
            user.DisplayName,
            user.JobTitle,
            user.Department,
            user.Site,
            Phone = user.PhoneNumber,
            user.ManagerId,
            user.About,
            user.PreferredLanguage,
            user.TimeZoneId,
            HiddenFields = ProfileService.ParseHidden(user.HiddenFields).Order(StringComparer.Ordinal).ToList(),
            Skills = terms.Where(t => t.Kind == PersonTerm.Skill).Select(t => t.Display).ToList(),
            Languages = terms.Where(t => t.Kind == PersonTerm.Language).Select(t => t.Display).ToList(),
            Interests = terms.Where(t => t.Kind == PersonTerm.Interest).Select(t => t.Display).ToList(),
            EndorsementsReceived = await db.Endorsements.AsNoTracking().Where(e => e.UserId == userId).Select(e => new { e.Skill, e.EndorserId, e.CreatedUtc }).ToListAsync(cancellationToken),
            EndorsementsGiven = await db.Endorsements.AsNoTracking().Where(e => e.EndorserId == userId).Select(e => new { e.UserId, e.Skill, e.CreatedUtc }).ToListAsync(cancellationToken),
            CustomFields = await db.ProfileFieldValues.AsNoTracking().Where(v => v.UserId == userId).ToDictionaryAsync(v => v.FieldId, v => v.Value, cancellationToken),
            Roles = await userManager.GetRolesAsync(user),
            AccessTokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => new { t.Name, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc }).ToListAsync(cancellationToken),
            user.CreatedUtc,
            user.GuestExpiresUtc,
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, "profile.json", profile, cancellationToken);
            foreach (var contributor in contributors)
            {
                if (await contributor.CollectAsync(userId, cancellationToken) is { } data)
                {
                    await WriteAsync(zip, SafeName(contributor.Name) + ".json", data, cancellationToken);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A departing employee: cannot sign in any more (sessions and tokens stop), content stays, shown as a former employee.</summary>
    public async Task DeactivateAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        var byUserId = EnsureNotSelf(admin, userId);
        var user = await FindAsync(userId, cancellationToken);
        await privilege.EnsureMayChangeAsync(admin, userId, cancellationToken);
        if (!user.IsActive)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.IsActive = false;
        user.DeactivatedUtc = now;
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.AccessTokens.Where(t => t.UserId == userId && t.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
        db.Audit.Add(new PeopleAuditEntry { Action = Deactivated, UserId = userId, ByUserId = byUserId, AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new PersonDeactivated(userId, byUserId), cancellationToken);
    }

    /// <summary>Lets a deactivated (not erased) person sign in again.</summary>
    public async Task ReactivateAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        var byUserId = EnsureNotSelf(admin, userId);
        var user = await FindAsync(userId, cancellationToken);
        await privilege.EnsureMayChangeAsync(admin, userId, cancellationToken);
        if (user.IsActive)
        {
            return;
        }

        user.IsActive = true;
        user.DeactivatedUtc = null;
        db.Audit.Add(new PeopleAuditEntry { Action = Reactivated, UserId = userId, ByUserId = byUserId, AtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Erases a person: every personal field nulled or replaced by a random value, photo, tags, endorsements, custom
    /// values, logins, tokens, claims, sessions and invitations deleted. The row stays (content keeps its author id) as an anonymous former member.
    /// </summary>
    public async Task EraseAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ErasePeople);
        var byUserId = EnsureNotSelf(admin, userId);
        var user = await FindAsync(userId, cancellationToken);
        await privilege.EnsureMayChangeAsync(admin, userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var photo = user.PhotoVersion;
        var formerEmail = user.NormalizedEmail;

        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            Anonymise(user, now);
            await DeletePersonalRowsAsync(userId, formerEmail, cancellationToken);
            db.Audit.Add(new PeopleAuditEntry { Action = Erased, UserId = userId, ByUserId = byUserId, AtUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        // The save inside the transaction told the token cache before the commit; a request in between could have
        // cached the person again from the rows not yet committed.
        db.PrincipalsChanged(userId);

        if (photo is { } version)
        {
            await photos.DeletePhotoFilesAsync(userId, version, cancellationToken);
        }

        await events.PublishAsync(new PersonErased(userId, byUserId), cancellationToken);
    }

    /// <summary>Every personal field nulled or replaced by a random value; the row stays as an anonymous former member.</summary>
    private static void Anonymise(User user, DateTime now)
    {
        var anonymous = "former-" + Guid.NewGuid().ToString("N")[..12];
        user.UserName = anonymous;
        user.NormalizedUserName = anonymous.ToUpperInvariant();
        user.DisplayName = anonymous;
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.JobTitle = null;
        user.Department = null;
        user.Site = null;
        user.ManagerId = null;
        user.About = null;
        user.PreferredLanguage = null;
        user.TimeZoneId = null;
        user.HiddenFields = null;
        user.PhotoVersion = null;
        user.GuestExpiresUtc = null;
        user.IsActive = false;
        user.DeactivatedUtc ??= now;
        user.ErasedUtc = now;
        user.LockoutEnd = DateTimeOffset.MaxValue;
    }

    private async Task DeletePersonalRowsAsync(string userId, string? formerEmail, CancellationToken cancellationToken)
    {
        await db.Terms.Where(t => t.UserId == userId && t.Kind != PersonTerm.Name).ExecuteDeleteAsync(cancellationToken);
        await db.Endorsements.Where(e => e.UserId == userId || e.EndorserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ProfileFieldValues.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AccessTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // Sessions hold the browser and network; invitations the address.
        await db.Sessions.Where(x => x.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.AcceptedUserId == userId || (formerEmail != null && i.NormalizedEmail == formerEmail)).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.ManagerId == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ManagerId, (string?)null), cancellationToken);
    }

    /// <summary>Sets (or clears) the date after which a guest can no longer sign in.</summary>
    public async Task SetGuestExpiryAsync(ClaimsPrincipal admin, string userId, DateTime? expiresUtc, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        var user = await FindAsync(userId, cancellationToken);
        await privilege.EnsureMayChangeAsync(admin, userId, cancellationToken);
        user.GuestExpiresUtc = expiresUtc is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : null;
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PeopleAuditEntry>> AuditAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        return await db.Audit.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task<User> FindAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);

    private string EnsureNotSelf(ClaimsPrincipal admin, string userId)
    {
        var byUserId = admin.FindUserId()!;
        if (byUserId == userId)
        {
            throw new ConflictException(T["You cannot deactivate or erase your own account: ask another administrator."]);
        }

        return byUserId;
    }

    private static async Task WriteAsync(ZipArchive zip, string name, object data, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await JsonSerializer.SerializeAsync(stream, data, data.GetType(), Json, cancellationToken);
    }

    private static string SafeName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
