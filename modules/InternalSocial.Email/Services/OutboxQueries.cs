using System.Net.Mail;
using System.Security.Claims;
using InternalSocial.Email.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Mail;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Email.Services;

internal sealed record OutboxEntry(long Id, string ToAddress, string Subject, string Status, int Attempts, DateTime CreatedUtc, DateTime? SentUtc, DateTime NextAttemptUtc, string? LastError);

/// <summary>What administrators see of the outbox, and the test mail they send to check the settings.</summary>
internal sealed class OutboxQueries(EmailDbContext db, IMailSender outbox, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(ClaimsPrincipal user, string? status, int take, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageEmail);
        var query = db.Outbox.AsNoTracking();
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var wanted))
            {
                throw new InvalidInputException("status", T["The status must be one of: {0}.", string.Join(", ", Enum.GetNames<OutboxStatus>())]);
            }

            query = query.Where(m => m.Status == wanted);
        }

        return await query.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 200))
            .Select(m => new OutboxEntry(m.Id, m.ToAddress, m.Subject, m.Status.ToString(), m.Attempts, m.CreatedUtc, m.SentUtc, m.NextAttemptUtc, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task SendTestAsync(ClaimsPrincipal user, string? to, string siteName, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageEmail);
        var address = to?.Trim() ?? "";
        if (!MailAddress.TryCreate(address, out _))
        {
            throw new InvalidInputException("to", T["'{0}' is not an e-mail address.", address]);
        }

        var subject = T["Test e-mail from {0}", siteName];
        await outbox.SendAsync([new Kernel.Mail.MailMessage(address, "", subject, T["The e-mail settings of {0} work: this message went through its outbox and its SMTP server.", siteName])], cancellationToken);
    }
}
