using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>Changes a profile: one's own, or anyone's for people administrators. All fields are checked before anything is saved.</summary>
internal sealed class ProfileEditor(
    UsersDbContext db,
    UserManager<User> userManager,
    ProfileAccess access,
    ProfileUpdateValidator validator,
    Accounts.AccountService accounts,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    /// <exception cref="InvalidInputException">Each bad field, named.</exception>
    /// <exception cref="ConflictException">The e-mail is another account's.</exception>
    public async Task<User> UpdateAsync(ClaimsPrincipal viewer, string userId, ProfileUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(update);
        var byAdministrator = await access.IsPeopleAdministratorAsync(viewer);
        await access.EnsureMayEditAsync(viewer, userId, cancellationToken);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        await validator.ValidateAsync(user, update, byAdministrator, cancellationToken);
        if (update.Email is not null)
        {
            await ChangeEmailAsync(viewer, user, update.Email.Trim(), byAdministrator, cancellationToken);
        }

        var (department, site) = (user.Department, user.Site);
        ApplyFields(user, update);
        await ReplaceTermsAsync(userId, PersonTerm.Skill, update.Skills, cancellationToken);
        await ReplaceTermsAsync(userId, PersonTerm.Language, update.Languages, cancellationToken);
        await ReplaceTermsAsync(userId, PersonTerm.Interest, update.Interests, cancellationToken);
        await SaveCustomValuesAsync(userId, update.CustomFields, cancellationToken);

        // Only a people administrator gets here with another department or site (checked by the validator): it is audited.
        PlacementAudit.Record(db, user, department, site, viewer.FindUserId()!, clock.GetUtcNow().UtcDateTime);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        if (user.Department != department || user.Site != site)
        {
            await events.PublishAsync(new PeoplePlaced([user.Id]), cancellationToken);
        }

        return user;
    }

    /// <summary>Replaces the tags of one kind, keeping those that stay (and so their endorsements).</summary>
    private async Task ReplaceTermsAsync(string userId, string kind, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        if (tags is null)
        {
            return;
        }

        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            wanted.TryAdd(Folding.Tag(tag), tag);
        }

        wanted.Remove("");
        var current = await db.Terms.Where(t => t.UserId == userId && t.Kind == kind).ToListAsync(cancellationToken);
        foreach (var term in current)
        {
            if (wanted.Remove(term.Value, out var display))
            {
                term.Display = display;
            }
            else
            {
                db.Terms.Remove(term);
            }
        }

        foreach (var (value, display) in wanted)
        {
            db.Terms.Add(new PersonTerm { UserId = userId, Kind = kind, Value = value, Display = display });
        }

        if (kind == PersonTerm.Skill)
        {
            var kept = current.Where(t => db.Entry(t).State != EntityState.Deleted).Select(t => t.Value).Concat(wanted.Keys).ToList();
            await db.Endorsements.Where(e => e.UserId == userId && !kept.Contains(e.Skill)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    internal static string? Apply(string? update, string? current) =>
        update is null ? current : string.IsNullOrWhiteSpace(update) ? null : update.Trim();

    private async Task ChangeEmailAsync(ClaimsPrincipal viewer, User user, string email, bool byAdministrator, CancellationToken cancellationToken)
    {
        var normalized = userManager.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != user.Id, cancellationToken))
        {
            throw new ConflictException(T["email: the e-mail '{0}' is already used by another account.", email]);
        }

        // A person's own new address takes effect only when the confirmation link mailed to it is followed: an
        // address applied unconfirmed would be matched by single sign-on to whoever really owns it (a new hire).
        // Without e-mail the person cannot change it; a people administrator sets addresses at once.
        if (normalized == user.NormalizedEmail)
        {
            return;
        }

        var mailed = viewer.FindUserId() == user.Id && await accounts.RequestEmailChangeAsync(user, email, cancellationToken);
        if (!mailed && !byAdministrator)
        {
            throw new InvalidInputException("email", T["Your new address must be confirmed by a link mailed to it, and this organisation's e-mail is off: ask an administrator to change it."]);
        }

        if (!mailed)
        {
            user.Email = email;
            user.NormalizedEmail = normalized;
        }
    }

    private static void ApplyFields(User user, ProfileUpdate update)
    {
        user.DisplayName = update.DisplayName?.Trim() ?? user.DisplayName;
        user.JobTitle = Apply(update.JobTitle, user.JobTitle);
        user.Department = Apply(update.Department, user.Department);
        user.Site = Apply(update.Site, user.Site);
        user.PhoneNumber = Apply(update.Phone, user.PhoneNumber);
        user.About = Apply(update.About, user.About);
        user.ManagerId = Apply(update.ManagerId, user.ManagerId);
        user.PreferredLanguage = Apply(update.PreferredLanguage, user.PreferredLanguage);
        user.TimeZoneId = Apply(update.TimeZoneId, user.TimeZoneId);
        if (update.HiddenFields is not null)
        {
            user.HiddenFields = update.HiddenFields.Count == 0 ? null : string.Join(',', update.HiddenFields.Distinct());
        }
    }

    private async Task SaveCustomValuesAsync(string userId, IReadOnlyDictionary<string, string?>? values, CancellationToken cancellationToken)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        var ids = values.Keys.ToList();
        var existing = await db.ProfileFieldValues.Where(v => v.UserId == userId && ids.Contains(v.FieldId)).ToDictionaryAsync(v => v.FieldId, cancellationToken);
        foreach (var (fieldId, value) in values)
        {
            var old = existing.GetValueOrDefault(fieldId);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (old is not null)
                {
                    db.ProfileFieldValues.Remove(old);
                }
            }
            else if (old is null)
            {
                db.ProfileFieldValues.Add(new ProfileFieldValue { UserId = userId, FieldId = fieldId, Value = value.Trim() });
            }
            else
            {
                old.Value = value.Trim();
            }
        }
    }
}
