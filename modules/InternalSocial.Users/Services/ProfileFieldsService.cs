using System.Security.Claims;
using System.Text.RegularExpressions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

internal sealed record ProfileFieldInput(string? Label, string? Kind, IReadOnlyList<string>? Choices, string? Visibility, int? Position);

/// <summary>The custom profile fields administrators define (text, choice, date, link), each with who may see its values.</summary>
internal sealed partial class ProfileFieldsService(UsersDbContext db, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    public const int MaxFields = 50;

    public async Task<IReadOnlyList<ProfileField>> ListAsync(CancellationToken cancellationToken) =>
        await db.ProfileFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    /// <summary>Creates or changes the field with this key. Values already given stay, even if a choice disappears.</summary>
    public async Task<ProfileField> UpsertAsync(ClaimsPrincipal admin, string id, ProfileFieldInput input, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        return await UpsertTrustedAsync(id, input, cancellationToken);
    }

    /// <summary>The upsert without a permission check, for recipes.</summary>
    internal async Task<ProfileField> UpsertTrustedAsync(string id, ProfileFieldInput input, CancellationToken cancellationToken)
    {
        if (Validate(id, input) is { Count: > 0 } errors)
        {
            throw new InvalidInputException(errors);
        }

        var field = await db.ProfileFields.FindAsync([id], cancellationToken);
        if (field is null)
        {
            if (await db.ProfileFields.CountAsync(cancellationToken) >= MaxFields)
            {
                throw new ConflictException(T["At most {0} profile fields.", MaxFields]);
            }

            field = new ProfileField { Id = id, Label = "", Kind = input.Kind!, Visibility = ProfileField.Everyone };
            db.ProfileFields.Add(field);
        }

        field.Label = input.Label!.Trim();
        field.Kind = input.Kind!;
        field.Choices = input.Kind == ProfileField.Choice ? string.Join('\n', input.Choices!.Select(c => c.Trim())) : null;
        field.Visibility = input.Visibility ?? ProfileField.Everyone;
        field.Position = input.Position ?? field.Position;
        await db.SaveChangesAsync(cancellationToken);
        return field;
    }

    public async Task DeleteAsync(ClaimsPrincipal admin, string id, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        await db.ProfileFieldValues.Where(v => v.FieldId == id).ExecuteDeleteAsync(cancellationToken);
        if (await db.ProfileFields.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException(T["There is no profile field '{0}'.", id]);
        }
    }

    /// <summary>Field problems by name (shared with the recipe step).</summary>
    public Dictionary<string, string> Validate(string? id, ProfileFieldInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        if (id is null || !Key().IsMatch(id))
        {
            errors["id"] = T["A key of 1 to 64 lower-case letters, digits and '-', starting with a letter."];
        }

        if (string.IsNullOrWhiteSpace(input.Label) || input.Label.Trim().Length > 100)
        {
            errors["label"] = T["A label of 1 to 100 characters is required."];
        }

        if (input.Kind is null || !ProfileField.Kinds.Contains(input.Kind))
        {
            errors["kind"] = T["The kind must be one of: {0}.", string.Join(", ", ProfileField.Kinds)];
        }
        else if (input.Kind == ProfileField.Choice
            && (input.Choices is not { Count: > 0 } || input.Choices.Count > 50 || input.Choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Trim().Length > 100 || c.Contains('\n', StringComparison.Ordinal))))
        {
            errors["choices"] = T["A choice field needs 1 to 50 choices of at most 100 characters."];
        }

        if (input.Visibility is not null && !ProfileField.Visibilities.Contains(input.Visibility))
        {
            errors["visibility"] = T["The visibility must be one of: {0}.", string.Join(", ", ProfileField.Visibilities)];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex Key();
}
