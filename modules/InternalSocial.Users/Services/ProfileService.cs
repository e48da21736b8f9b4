using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

internal sealed record SkillView(string Name, int Endorsements, bool EndorsedByMe);

internal sealed record CustomFieldView(string Id, string Label, string Kind, string Visibility, string? Value, IReadOnlyList<string> Choices);

/// <summary>A profile as one viewer may see it: hidden and restricted fields are null for others.</summary>
/// <param name="PhotoUrl">A site path starting with <c>~/</c>.</param>
internal sealed record ProfileView(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? Phone,
    string? JobTitle,
    string? Department,
    string? Site,
    PersonSummary? Manager,
    string? About,
    IReadOnlyList<SkillView> Skills,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Interests,
    IReadOnlyList<CustomFieldView> CustomFields,
    string? PhotoUrl,
    bool IsGuest,
    bool IsActive,
    bool IsMe,
    bool CanAdminister,
    string? PreferredLanguage,
    IReadOnlyList<string>? HiddenFields,
    DateTime? GuestExpiresUtc,
    string? TimeZoneId = null);

/// <summary>Changes to a profile: null leaves a field as it is, an empty text or list clears it.</summary>
internal sealed record ProfileUpdate(
    string? DisplayName = null,
    string? Email = null,
    string? JobTitle = null,
    string? Department = null,
    string? Site = null,
    string? Phone = null,
    string? ManagerId = null,
    string? About = null,
    IReadOnlyList<string>? Skills = null,
    IReadOnlyList<string>? Languages = null,
    IReadOnlyList<string>? Interests = null,
    string? PreferredLanguage = null,
    IReadOnlyList<string>? HiddenFields = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null,
    string? TimeZoneId = null);

/// <summary>Profiles: read with each viewer's rights, edited by their owner (or people administrators), photos.</summary>
internal sealed class ProfileService(
    UsersDbContext db,
    UserManager<User> userManager,
    ProfileAccess access,
    IPeopleLookup people,
    ITenantFileStore files,
    Accounts.AccountService accounts,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>Audit actions: a people administrator or the import changed the department or site.</summary>
    public const string DepartmentChanged = "department-changed";
    public const string SiteChanged = "site-changed";

    public const int MaxPhotoBytes = 5 * 1024 * 1024;
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
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.UserId == user.Id)
            .GroupBy(e => e.Skill)
            .Select(g => new { Skill = g.Key, Count = g.Count(), Mine = g.Any(e => e.EndorserId == viewerId) })
            .ToListAsync(cancellationToken);
        var fields = await db.ProfileFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var values = await db.ProfileFieldValues.AsNoTracking().Where(v => v.UserId == user.Id).ToDictionaryAsync(v => v.FieldId, v => v.Value, cancellationToken);
        var summaries = await people.GetByIdsAsync(user.ManagerId is null ? [user.Id] : [user.Id, user.ManagerId], cancellationToken);

        IReadOnlyList<string> Tags(string kind, string field) =>
            Shows(field) ? [.. terms.Where(t => t.Kind == kind).Select(t => t.Display).Order(StringComparer.CurrentCultureIgnoreCase)] : [];

        var skills = Shows("skills")
            ? terms.Where(t => t.Kind == PersonTerm.Skill)
                .Select(t => endorsements.FirstOrDefault(e => e.Skill == t.Value) is { } e ? new SkillView(t.Display, e.Count, e.Mine) : new SkillView(t.Display, 0, false))
                .OrderByDescending(s => s.Endorsements).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList()
            : [];
        var custom = fields
            .Where(f => isMe || isAdmin || f.Visibility == ProfileField.Everyone || (f.Visibility == ProfileField.Employees && isEmployee))
            .Select(f => new CustomFieldView(f.Id, f.Label, f.Kind, f.Visibility, values.GetValueOrDefault(f.Id), f.ChoiceList))
            .Where(f => isMe || isAdmin || f.Value is not null)
            .ToList();
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

    /// <summary>Changes a profile: one's own, or anyone's for people administrators. All fields are checked before anything is saved.</summary>
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
        var errors = new Dictionary<string, string>();
        var fields = update.CustomFields is { Count: > 0 } ? await db.ProfileFields.ToDictionaryAsync(f => f.Id, cancellationToken) : [];

        CheckLength(errors, "displayName", update.DisplayName, MaxText);
        if (update.DisplayName is { } name && string.IsNullOrWhiteSpace(name))
        {
            errors["displayName"] = T["The display name cannot be empty."];
        }

        CheckLength(errors, "jobTitle", update.JobTitle, MaxText);
        CheckLength(errors, "department", update.Department, MaxText);
        CheckLength(errors, "site", update.Site, MaxText);
        if (!byAdministrator)
        {
            // Department and site decide which posts, announcements, newsletters and groups reach a person: they come
            // from people administrators, the import or single sign-on, never from the person (the current value
            // sent back unchanged, as a form does, is no change).
            CheckAuthoritative(errors, "department", update.Department, user.Department);
            CheckAuthoritative(errors, "site", update.Site, user.Site);
        }

        CheckLength(errors, "phone", update.Phone, 50);
        CheckLength(errors, "about", update.About, MaxAbout);
        CheckTags(errors, "skills", update.Skills, 30, 60);
        CheckTags(errors, "languages", update.Languages, 10, 40);
        CheckTags(errors, "interests", update.Interests, 20, 60);
        if (update.Email is not null && (update.Email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(update.Email.Trim(), out _)))
        {
            errors["email"] = T["A valid e-mail address is required."];
        }

        if (update.PreferredLanguage is { Length: > 0 } language && !Languages.Contains(language))
        {
            errors["preferredLanguage"] = T["The language must be one of: {0}.", string.Join(", ", Languages)];
        }

        if (update.TimeZoneId is { } zone && !string.IsNullOrWhiteSpace(zone) && (zone.Trim().Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out _)))
        {
            errors["timeZoneId"] = T["'{0}' is not a known time zone (use an IANA id such as Europe/Paris).", zone];
        }

        if (update.HiddenFields?.FirstOrDefault(f => !OptionalFields.Contains(f)) is { } unknownHidden)
        {
            errors["hiddenFields"] = T["'{0}' is not an optional field; these are: {1}.", unknownHidden, string.Join(", ", OptionalFields)];
        }

        if (update.ManagerId is { Length: > 0 } managerId)
        {
            if (managerId == userId)
            {
                errors["managerId"] = T["A person cannot be their own manager."];
            }
            else if (!await db.Users.AnyAsync(u => u.Id == managerId && u.ErasedUtc == null, cancellationToken))
            {
                errors["managerId"] = T["No person with id '{0}'.", managerId];
            }
        }

        foreach (var (fieldId, value) in update.CustomFields ?? new Dictionary<string, string?>())
        {
            if (!fields.TryGetValue(fieldId, out var field))
            {
                errors[$"customFields.{fieldId}"] = T["There is no profile field '{0}'.", fieldId];
            }
            else if (!string.IsNullOrEmpty(value) && CheckCustomValue(field, value) is { } problem)
            {
                errors[$"customFields.{fieldId}"] = problem;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (update.Email is not null)
        {
            var email = update.Email.Trim();
            var normalized = userManager.NormalizeEmail(email);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != userId, cancellationToken))
            {
                throw new ConflictException(T["email: the e-mail '{0}' is already used by another account.", email]);
            }

            // A person's own new address takes effect only when the confirmation link mailed to it is followed: an
            // address applied unconfirmed would be matched by single sign-on to whoever really owns it (a new hire).
            // Without e-mail the person cannot change it; a people administrator sets addresses at once.
            if (normalized != user.NormalizedEmail)
            {
                var mailed = viewer.FindUserId() == userId && await accounts.RequestEmailChangeAsync(user, email, cancellationToken);
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
        }

        user.DisplayName = update.DisplayName?.Trim() ?? user.DisplayName;
        user.JobTitle = Apply(update.JobTitle, user.JobTitle);
        var (department, site) = (user.Department, user.Site);
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

        await ReplaceTermsAsync(userId, PersonTerm.Skill, update.Skills, cancellationToken);
        await ReplaceTermsAsync(userId, PersonTerm.Language, update.Languages, cancellationToken);
        await ReplaceTermsAsync(userId, PersonTerm.Interest, update.Interests, cancellationToken);
        if (update.CustomFields is { Count: > 0 })
        {
            var ids = update.CustomFields.Keys.ToList();
            var existing = await db.ProfileFieldValues.Where(v => v.UserId == userId && ids.Contains(v.FieldId)).ToDictionaryAsync(v => v.FieldId, cancellationToken);
            foreach (var (fieldId, value) in update.CustomFields)
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

        // Only a people administrator gets here with another department or site (checked above): it is audited.
        AuditPlacement(db, user, department, site, viewer.FindUserId()!, clock.GetUtcNow().UtcDateTime);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        if (user.Department != department || user.Site != site)
        {
            await events.PublishAsync(new PeoplePlaced([user.Id]), cancellationToken);
        }

        return user;
    }

    /// <summary>Replaces the tags of one kind, keeping those that stay (and so their endorsements).</summary>
    internal async Task ReplaceTermsAsync(string userId, string kind, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
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

    /// <summary>A new photo: decoded and re-encoded as WebP at 512 px and 96 px; the previous one is deleted.</summary>
    /// <exception cref="InvalidInputException">"photo": too large, or not an image.</exception>
    public async Task SetPhotoAsync(ClaimsPrincipal viewer, string userId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(viewer);
        await access.EnsureMayEditAsync(viewer, userId, cancellationToken);

        var bytes = await ReadBoundedAsync(content, MaxPhotoBytes, cancellationToken)
            ?? throw new InvalidInputException("photo", T["The photo must be at most {0} MB.", MaxPhotoBytes / 1024 / 1024]);
        // Both sizes from one decoding: the header is checked before any pixel is decoded.
        var (problem, sizes) = await ImageNormalizer.NormalizeAsync(bytes, [512, 96], cancellationToken);
        if (problem != ImageProblem.None)
        {
            throw new InvalidInputException("photo", problem == ImageProblem.TooManyPixels
                ? ImageNormalizer.TooManyPixelsMessage
                : T["The photo must be a PNG, JPEG, WebP or GIF image."]);
        }

        var (large, small) = (sizes[0], sizes[1]);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedUtc == null, cancellationToken)
            ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        var previous = user.PhotoVersion;
        var version = (previous ?? 0) + 1;
        await files.SaveAsync(PhotoPath(userId, version, large: true), new MemoryStream(large.Content), cancellationToken);
        await files.SaveAsync(PhotoPath(userId, version, large: false), new MemoryStream(small.Content), cancellationToken);
        user.PhotoVersion = version;
        await db.SaveChangesAsync(cancellationToken);
        if (previous is { } old)
        {
            await DeletePhotoFilesAsync(userId, old, cancellationToken);
        }
    }

    /// <summary>The photo, for whoever may see the profile; null when the person has none.</summary>
    public async Task<Stream?> OpenPhotoAsync(ClaimsPrincipal viewer, string userId, bool large, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(viewer, userId, cancellationToken);
        var version = await db.Users.Where(u => u.Id == userId).Select(u => u.PhotoVersion).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : await files.OpenReadAsync(PhotoPath(userId, version.Value, large), cancellationToken);
    }

    internal async Task DeletePhotoFilesAsync(string userId, int version, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(PhotoPath(userId, version, large: true), cancellationToken);
        await files.DeleteAsync(PhotoPath(userId, version, large: false), cancellationToken);
    }

    private static string PhotoPath(string userId, int version, bool large) =>
        $"users/photos/{userId}/{version.ToString(CultureInfo.InvariantCulture)}{(large ? "" : "-96")}.webp";

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    internal static HashSet<string> ParseHidden(string? hidden) =>
        [.. (hidden ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Audits a change of department or site, which decides what reaches the person.</summary>
    internal static void AuditPlacement(UsersDbContext db, User user, string? department, string? site, string byUserId, DateTime now)
    {
        if (user.Department != department)
        {
            db.Audit.Add(new PeopleAuditEntry { Action = DepartmentChanged, UserId = user.Id, ByUserId = byUserId, AtUtc = now });
        }

        if (user.Site != site)
        {
            db.Audit.Add(new PeopleAuditEntry { Action = SiteChanged, UserId = user.Id, ByUserId = byUserId, AtUtc = now });
        }
    }

    private void CheckAuthoritative(Dictionary<string, string> errors, string field, string? update, string? current)
    {
        if (update is not null && Apply(update, current) != current)
        {
            errors[field] = T["Set by your administrators: ask them to change it."];
        }
    }

    private static string? Apply(string? update, string? current) =>
        update is null ? current : string.IsNullOrWhiteSpace(update) ? null : update.Trim();

    private void CheckLength(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors[field] = T["At most {0} characters.", max];
        }
    }

    private void CheckTags(Dictionary<string, string> errors, string field, IReadOnlyList<string>? tags, int maxCount, int maxLength)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > maxCount)
        {
            errors[field] = T["At most {0} entries.", maxCount];
        }
        else if (tags.FirstOrDefault(t => t is null || t.Trim().Length > maxLength) is { } tooLong)
        {
            errors[field] = T["'{0}' is longer than {1} characters.", tooLong ?? "", maxLength];
        }
    }

    internal string? CheckCustomValue(ProfileField field, string value) => field.Kind switch
    {
        _ when value.Length > 1000 => T["At most {0} characters.", 1000].Value,
        ProfileField.Choice when !field.ChoiceList.Contains(value.Trim()) => T["Choose one of: {0}.", string.Join(", ", field.ChoiceList)].Value,
        ProfileField.Date when !DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => T["A date as YYYY-MM-DD is required."].Value,
        ProfileField.Link when !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) => T["A web address starting with https:// is required."].Value,
        _ => null,
    };
}
