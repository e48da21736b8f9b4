using System.Net.Mail;
using System.Security.Claims;
using InternalSocial.Email.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Hosting;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InternalSocial.Email.Services;

/// <summary>What an administrator sends to change the SMTP settings. A null password keeps the stored one; an empty one removes it.</summary>
internal sealed record EmailSettingsInput(string? Host, int? Port, string? Security, string? UserName, string? Password, string? FromAddress, string? FromName);

/// <summary>What is shown of the SMTP settings: everything but the password.</summary>
internal sealed record EmailSettingsView(string Host, int Port, string Security, string UserName, bool HasPassword, string FromAddress, string FromName);

internal sealed class EmailSettingsService(
    DocumentStore documents,
    IDataProtectionProvider protection,
    IAuthorizationService authorization,
    IOptions<InternalSocialOptions> hostOptions,
    IStringLocalizer<ModuleResources> T)
{
    public const string DocumentId = "Email.Settings";
    private readonly IDataProtector _passwords = protection.CreateProtector("InternalSocial.Email.SmtpPassword");

    public async Task<EmailSettings> GetAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<EmailSettings>(DocumentId, cancellationToken) ?? new EmailSettings();

    public async Task<EmailSettingsView> GetViewAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageEmail);
        return ToView(await GetAsync(cancellationToken));
    }

    public string? UnprotectPassword(EmailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ProtectedPassword.Length == 0 ? null : _passwords.Unprotect(settings.ProtectedPassword);
    }

    public async Task<EmailSettingsView> SaveAsync(ClaimsPrincipal user, EmailSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageEmail);
        var (host, port, security, from) = await ValidateAsync(input, cancellationToken);
        var current = await GetAsync(cancellationToken);
        var settings = new EmailSettings
        {
            Host = host,
            Port = port,
            Security = security,
            UserName = input.UserName?.Trim() ?? "",
            ProtectedPassword = input.Password switch
            {
                null => current.ProtectedPassword,
                "" => "",
                var password => _passwords.Protect(password),
            },
            FromAddress = from,
            FromName = input.FromName?.Trim() ?? "",
        };
        await documents.SaveAsync(DocumentId, settings, cancellationToken);
        return ToView(settings);
    }

    /// <summary>Every field checked before anything is saved; throws <see cref="InvalidInputException"/> naming each bad one.</summary>
    private async Task<(string Host, int Port, SmtpSecurity Security, string From)> ValidateAsync(EmailSettingsInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var host = input.Host?.Trim() ?? "";
        if (host.Length == 0)
        {
            errors["host"] = T["The SMTP server's host name is required."];
        }
        else if (host.Length > 253 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            errors["host"] = T["'{0}' is not a host name.", host];
        }
        else if (await NetworkTargets.CheckAsync(host, hostOptions.Value, cancellationToken) is { } privateTarget)
        {
            // The server connects there and sends the account's password: not to its own machine or network, unless allowed.
            errors["host"] = privateTarget;
        }

        var port = input.Port ?? 587;
        if (port is < 1 or > 65535)
        {
            errors["port"] = T["The port must be between 1 and 65535."];
        }

        var security = SmtpSecurity.StartTls;
        if (input.Security is { Length: > 0 } text && !Enum.TryParse(text, ignoreCase: true, out security))
        {
            errors["security"] = T["The security must be one of: {0}.", string.Join(", ", Enum.GetNames<SmtpSecurity>())];
        }

        var from = input.FromAddress?.Trim() ?? "";
        if (!MailAddress.TryCreate(from, out _) || from.Length > 256)
        {
            errors["fromAddress"] = T["The sender address must be an e-mail address."];
        }

        if ((input.FromName?.Length ?? 0) > 100)
        {
            errors["fromName"] = T["The sender name must be at most {0} characters.", 100];
        }

        if ((input.UserName?.Length ?? 0) > 256)
        {
            errors["userName"] = T["The user name must be at most {0} characters.", 256];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (host, port, security, from);
    }

    private static EmailSettingsView ToView(EmailSettings settings) =>
        new(settings.Host, settings.Port, settings.Security.ToString(), settings.UserName, settings.ProtectedPassword.Length > 0, settings.FromAddress, settings.FromName);
}
