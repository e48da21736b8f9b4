using System.Security.Claims;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Services;

/// <summary>Reads the charter's settings (for the gate, from the shell's cache) and changes them (<c>Charter.Manage</c>).</summary>
internal sealed class CharterSettingsService(
    DocumentStore documents,
    CharterSettingsCache cache,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T)
{
    /// <summary>No permission check: the gate and the composer read them for everyone.</summary>
    public async Task<CharterSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.Value is { } cached)
        {
            return cached;
        }

        var readStartedAt = cache.BeginRead();
        var settings = await documents.GetAsync<CharterSettings>(CharterSettings.DocumentId, cancellationToken) ?? new CharterSettings();
        cache.Store(settings, readStartedAt);
        return settings;
    }

    public async Task<CharterSettings> ViewAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        return await GetAsync(cancellationToken);
    }

    public async Task<CharterSettings> SaveAsync(ClaimsPrincipal user, CharterSettingsInput input, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        return await ApplyAsync(input, cancellationToken);
    }

    /// <summary>Saves without a permission check: the recipe step checked <c>Charter.Manage</c> before running.</summary>
    public async Task<CharterSettings> ApplyAsync(CharterSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var current = await documents.GetAsync<CharterSettings>(CharterSettings.DocumentId, cancellationToken) ?? new CharterSettings();
        var saved = current with
        {
            GateEmployees = input.GateEmployees ?? current.GateEmployees,
            GateGuests = input.GateGuests ?? current.GateGuests,
            GraceDays = input.GraceDays ?? current.GraceDays,
            EditorialExpanded = input.EditorialExpanded ?? current.EditorialExpanded,
        };
        await documents.SaveAsync(CharterSettings.DocumentId, saved, cancellationToken);
        cache.Clear();
        return saved;
    }

    /// <summary>Problems by field (<c>graceDays</c>); empty when the input may be saved.</summary>
    public Dictionary<string, string> Validate(CharterSettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.GraceDays is < 0 or > CharterSettings.MaxGraceDays)
        {
            errors["graceDays"] = T["The grace period must be between 0 and {0} days.", CharterSettings.MaxGraceDays];
        }

        return errors;
    }
}
