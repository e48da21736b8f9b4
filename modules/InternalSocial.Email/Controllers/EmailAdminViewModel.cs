using InternalSocial.Email.Services;

namespace InternalSocial.Email.Controllers;

internal sealed record EmailAdminViewModel(EmailSettingsViewModel Settings, IReadOnlyList<OutboxEntry> Outbox);
