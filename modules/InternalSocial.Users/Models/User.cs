using Microsoft.AspNetCore.Identity;

namespace InternalSocial.Users.Models;

internal sealed class User : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string? JobTitle { get; set; }

    public string? Department { get; set; }

    /// <summary>Folded (upper case, no accents) for exact filtering on an index; kept by <c>UsersDbContext</c>.</summary>
    public string? NormalizedDepartment { get; set; }

    public string? Site { get; set; }

    public string? NormalizedSite { get; set; }

    public string? ManagerId { get; set; }

    /// <summary>A short plain-text "about me".</summary>
    public string? About { get; set; }

    /// <summary>"en" or "fr"; when set, the site speaks it to this person.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>An IANA time zone id ("Europe/Paris"); null: the organisation's. Digests and local times follow it.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Optional fields this person shows only to themselves and administrators, comma-separated.</summary>
    public string? HiddenFields { get; set; }

    /// <summary>Folded display name + "|" + id: unique, so the directory pages by it (keyset) in name order.</summary>
    public string? DirectoryKey { get; set; }

    /// <summary>Bumped at each new photo (it names the files, so caches never show an old one); null without a photo.</summary>
    public int? PhotoVersion { get; set; }

    /// <summary>False once deactivated (a former employee) or erased: no sign-in, content stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime? DeactivatedUtc { get; set; }

    public DateTime? ErasedUtc { get; set; }

    /// <summary>A guest account stops signing in at this time.</summary>
    public DateTime? GuestExpiresUtc { get; set; }
}

internal sealed class Role : IdentityRole
{
    public Role()
    {
    }

    public Role(string name)
        : base(name)
    {
    }

    public string Description { get; set; } = "";
}

/// <summary>A personal access token for the API. Only its SHA-256 hash is stored.</summary>
internal sealed class AccessToken
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
