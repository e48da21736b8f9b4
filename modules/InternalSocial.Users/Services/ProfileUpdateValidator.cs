using System.Globalization;
using InternalSocial.Kernel;
using InternalSocial.Users.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>Checks every field of a <see cref="ProfileUpdate"/> before anything is saved, so that all bad fields are named at once.</summary>
internal sealed class ProfileUpdateValidator(UsersDbContext db, IStringLocalizer<ModuleResources> T)
{
    /// <exception cref="InvalidInputException">Each bad field, named.</exception>
    public async Task ValidateAsync(User user, ProfileUpdate update, bool byAdministrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(update);
        var errors = new Dictionary<string, string>();
        CheckTexts(errors, update, byAdministrator ? null : user);
        CheckChoices(errors, update);
        await CheckManagerAsync(errors, user.Id, update.ManagerId, cancellationToken);
        await CheckCustomFieldsAsync(errors, update.CustomFields, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }

    private string? CheckCustomValue(ProfileField field, string value) => field.Kind switch
    {
        _ when value.Length > 1000 => T["At most {0} characters.", 1000].Value,
        ProfileField.Choice when !field.ChoiceList.Contains(value.Trim()) => T["Choose one of: {0}.", string.Join(", ", field.ChoiceList)].Value,
        ProfileField.Date when !DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => T["A date as YYYY-MM-DD is required."].Value,
        ProfileField.Link when !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) => T["A web address starting with https:// is required."].Value,
        _ => null,
    };

    /// <param name="placedBy">The person whose department and site only administrators change; null for an administrator.</param>
    private void CheckTexts(Dictionary<string, string> errors, ProfileUpdate update, User? placedBy)
    {
        CheckLength(errors, "displayName", update.DisplayName, ProfileService.MaxText);
        if (update.DisplayName is { } name && string.IsNullOrWhiteSpace(name))
        {
            errors["displayName"] = T["The display name cannot be empty."];
        }

        CheckLength(errors, "jobTitle", update.JobTitle, ProfileService.MaxText);
        CheckLength(errors, "department", update.Department, ProfileService.MaxText);
        CheckLength(errors, "site", update.Site, ProfileService.MaxText);
        if (placedBy is not null)
        {
            // Department and site decide which posts, announcements, newsletters and groups reach a person: they come
            // from people administrators, the import or single sign-on, never from the person (the current value
            // sent back unchanged, as a form does, is no change).
            CheckAuthoritative(errors, "department", update.Department, placedBy.Department);
            CheckAuthoritative(errors, "site", update.Site, placedBy.Site);
        }

        CheckLength(errors, "phone", update.Phone, 50);
        CheckLength(errors, "about", update.About, ProfileService.MaxAbout);
        CheckTags(errors, "skills", update.Skills, 30, 60);
        CheckTags(errors, "languages", update.Languages, 10, 40);
        CheckTags(errors, "interests", update.Interests, 20, 60);
        if (update.Email is not null && (update.Email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(update.Email.Trim(), out _)))
        {
            errors["email"] = T["A valid e-mail address is required."];
        }
    }

    private void CheckChoices(Dictionary<string, string> errors, ProfileUpdate update)
    {
        if (update.PreferredLanguage is { Length: > 0 } language && !ProfileService.Languages.Contains(language))
        {
            errors["preferredLanguage"] = T["The language must be one of: {0}.", string.Join(", ", ProfileService.Languages)];
        }

        if (update.TimeZoneId is { } zone && !string.IsNullOrWhiteSpace(zone) && (zone.Trim().Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out _)))
        {
            errors["timeZoneId"] = T["'{0}' is not a known time zone (use an IANA id such as Europe/Paris).", zone];
        }

        if (update.HiddenFields?.FirstOrDefault(f => !ProfileService.OptionalFields.Contains(f)) is { } unknownHidden)
        {
            errors["hiddenFields"] = T["'{0}' is not an optional field; these are: {1}.", unknownHidden, string.Join(", ", ProfileService.OptionalFields)];
        }
    }

    private async Task CheckManagerAsync(Dictionary<string, string> errors, string userId, string? managerId, CancellationToken cancellationToken)
    {
        if (managerId is not { Length: > 0 })
        {
            return;
        }

        if (managerId == userId)
        {
            errors["managerId"] = T["A person cannot be their own manager."];
        }
        else if (!await db.Users.AnyAsync(u => u.Id == managerId && u.ErasedUtc == null, cancellationToken))
        {
            errors["managerId"] = T["No person with id '{0}'.", managerId];
        }
    }

    private async Task CheckCustomFieldsAsync(Dictionary<string, string> errors, IReadOnlyDictionary<string, string?>? values, CancellationToken cancellationToken)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        var fields = await db.ProfileFields.ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var (fieldId, value) in values)
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
    }

    private void CheckAuthoritative(Dictionary<string, string> errors, string field, string? update, string? current)
    {
        if (update is not null && ProfileEditor.Apply(update, current) != current)
        {
            errors[field] = T["Set by your administrators: ask them to change it."];
        }
    }

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
}
