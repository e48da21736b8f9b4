namespace InternalSocial.Users.Models;

/// <summary>Who may create an account in the organisation.</summary>
internal enum RegistrationPolicy
{
    /// <summary>Only administrators create accounts (or import them).</summary>
    AdminsOnly,

    /// <summary>Administrators invite people by e-mail; the invited person chooses their name and password.</summary>
    InvitationOnly,

    /// <summary>Anyone with an address at one of the allowed domains registers, then confirms the address.</summary>
    SelfRegistrationByDomain,
}

/// <summary>The organisation's registration settings (a document of the tenant).</summary>
internal sealed class RegistrationSettings
{
    public RegistrationPolicy Policy { get; set; } = RegistrationPolicy.AdminsOnly;

    /// <summary>E-mail domains allowed to self-register, lower case, without "@".</summary>
    public List<string> AllowedDomains { get; set; } = [];
}

/// <summary>An invitation to create an account. Only the SHA-256 hash of its token is stored.</summary>
internal sealed class Invitation
{
    public required string Id { get; set; }

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public required string TokenHash { get; set; }

    public required string InvitedById { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? AcceptedUtc { get; set; }

    public string? AcceptedUserId { get; set; }
}

/// <summary>A browser session (a sign-in cookie), which the person sees and may revoke.</summary>
internal sealed class UserSession
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>The address with its last part zeroed (IPv4 /24, IPv6 /48): enough to recognise a place, not a person.</summary>
    public string? IpAddress { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
