using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Profiles read with each viewer's rights, and endorsements of skills. Changes are <see cref="ProfileEditor"/>'s, photos
/// <see cref="ProfilePhotos"/>'.
/// </summary>
internal sealed class ProfileService(
    UsersDbContext db,
    UserManager<User> userManager,
    ProfileAccess access,
    IPeopleLookup people,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxAbout = 1000;
    public const int MaxText = 200;

    /// <summary>Optional fields a person may hide from everyone but themselves and administrators.</summary>
    public static readonly string[] OptionalFields = ["email", "phone", "about", "skills", "languages", "interests"];

    public static readonly string[] Languages = ["en", "fr"];

    /// <exception cref="NotFoundException">No such person, or one the viewer may not see (never says which).</exception>
    public async Task<ProfileView> GetByIdAsync(ClaimsPrincipal viewer, string id, CancellationToken cancellationToken) =>
        await BuildAsync(viewer, await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.ErasedUtc == null, cancellationToken), cancellationToken);

    public async Task<ProfileView> GetByUserNameAsync(ClaimsPrincipal viewer, string userName, CancellationToken cancellationToken)
    {
        var normalized = userManager.NormalizeName(userName ?? "");
        return await BuildAsync(viewer, await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.ErasedUtc == null, cancellationToken), cancellationToken);
    }

    /// <summary>Makes sure the viewer may see the person; 404 otherwise.</summary>
    public async Task EnsureVisibleAsync(ClaimsPrincipal viewer, string id, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(viewer, id, cancellationToken) || !await db.Users.AnyAsync(u => u.Id == id && u.ErasedUtc == null, cancellationToken))
        {
            throw new NotFoundException(T["No person with id '{0}'.", id]);
        }
    }

    private async Task<ProfileView> BuildAsync(ClaimsPrincipal viewer, User? user, CancellationToken cancellationToken)
    {
        if (user is null || !await access.CanSeeAsync(viewer, user.Id, cancellationToken))
        {
            throw new NotFoundException(T["No such person, or not one you may see."]);
        }

        var viewerId = viewer.FindUserId();
        var isMe = viewerId == user.Id;
        var isAdmin = await access.IsPeopleAdministratorAsync(viewer);
        var isEmployee = isMe || isAdmin || await access.IsEmployeeAsync(viewer);
        var hidden = ParseHidden(user.HiddenFields);
        bool Shows(string field) => isMe || isAdmin || !hidden.Contains(field);

        var terms = await db.Terms.AsNoTracking().Where(t => t.UserId == user.Id && t.Kind != PersonTerm.Name).ToListAsync(cancellationToken);
        var summaries = await people.GetByIdsAsync(user.ManagerId is null ? [user.Id] : [user.Id, user.ManagerId], cancellationToken);

        IReadOnlyList<string> Tags(string kind, string field) =>
            Shows(field) ? [.. terms.Where(t => t.Kind == kind).Select(t => t.Display).Order(StringComparer.CurrentCultureIgnoreCase)] : [];

        var skills = Shows("skills") ? await SkillsAsync(user.Id, viewerId, terms, cancellationToken) : [];
        var custom = await CustomFieldsAsync(user.Id, isMe || isAdmin, isEmployee, cancellationToken);
        var self = summaries[user.Id];
        // A guest sees a colleague of their group, not that colleague's manager outside it.
        var showManager = user.ManagerId is not null && (isEmployee || await access.CanSeeAsync(viewer, user.ManagerId, cancellationToken));
        return new ProfileView(
            user.Id,
            user.UserName!,
            user.DisplayName,
            Shows("email") && isEmployee ? user.Email : null,
            Shows("phone") && isEmployee ? user.PhoneNumber : null,
            user.JobTitle,
            user.Department,
            user.Site,
            showManager ? summaries.GetValueOrDefault(user.ManagerId!) : null,
            Shows("about") ? user.About : null,
            skills,
            Tags(PersonTerm.Language, "languages"),
            Tags(PersonTerm.Interest, "interests"),
            custom,
            self.PhotoUrl,
            self.IsGuest,
            user.IsActive,
            isMe,
            isAdmin,
            isMe ? user.PreferredLanguage : null,
            isMe || isAdmin ? [.. hidden] : null,
            isMe || isAdmin ? user.GuestExpiresUtc : null,
            isMe || isAdmin ? user.TimeZoneId : null);
    }

    /// <summary>The person's skills, most endorsed first, each with whether the viewer endorsed it.</summary>
    private async Task<List<SkillView>> SkillsAsync(string userId, string? viewerId, List<PersonTerm> terms, CancellationToken cancellationToken)
    {
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.UserId == userId)
            .GroupBy(e => e.Skill)
            .Select(g => new { Skill = g.Key, Count = g.Count(), Mine = g.Any(e => e.EndorserId == viewerId) })
            .ToListAsync(cancellationToken);
        return terms.Where(t => t.Kind == PersonTerm.Skill)
            .Select(t => endorsements.FirstOrDefault(e => e.Skill == t.Value) is { } e ? new SkillView(t.Display, e.Count, e.Mine) : new SkillView(t.Display, 0, false))
            .OrderByDescending(s => s.Endorsements).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <param name="privileged">The person or a people administrator: every field, filled or not.</param>
    private async Task<List<CustomFieldView>> CustomFieldsAsync(string userId, bool privileged, bool isEmployee, CancellationToken cancellationToken)
    {
        var fields = await db.ProfileFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var values = await db.ProfileFieldValues.AsNoTracking().Where(v => v.UserId == userId).ToDictionaryAsync(v => v.FieldId, v => v.Value, cancellationToken);
        return fields
            .Where(f => privileged || f.Visibility == ProfileField.Everyone || (f.Visibility == ProfileField.Employees && isEmployee))
            .Select(f => new CustomFieldView(f.Id, f.Label, f.Kind, f.Visibility, values.GetValueOrDefault(f.Id), f.ChoiceList))
            .Where(f => privileged || f.Value is not null)
            .ToList();
    }

    /// <summary>Endorses (or withdraws the endorsement of) a colleague's skill. Nobody endorses themselves.</summary>
    public async Task EndorseAsync(ClaimsPrincipal viewer, string userId, string skill, bool endorse, CancellationToken cancellationToken)
    {
        var viewerId = viewer?.FindUserId() ?? throw new InternalSocial.Kernel.Security.PermissionDeniedException(Permissions.ViewDirectory);
        await EnsureVisibleAsync(viewer, userId, cancellationToken);
        if (!await access.IsEmployeeAsync(viewer))
        {
            throw new InternalSocial.Kernel.Security.PermissionDeniedException(Permissions.ViewDirectory);
        }

        if (viewerId == userId)
        {
            throw new ConflictException(T["You cannot endorse your own skills."]);
        }

        var value = Folding.Tag(skill);
        if (!await db.Terms.AnyAsync(t => t.UserId == userId && t.Kind == PersonTerm.Skill && t.Value == value, cancellationToken))
        {
            throw new NotFoundException(T["This person does not list the skill '{0}'.", skill]);
        }

        var existing = await db.Endorsements.FindAsync([userId, value, viewerId], cancellationToken);
        if (endorse && existing is null)
        {
            db.Endorsements.Add(new Endorsement { UserId = userId, Skill = value, EndorserId = viewerId, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (!endorse && existing is not null)
        {
            db.Endorsements.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static HashSet<string> ParseHidden(string? hidden) =>
        [.. (hidden ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
