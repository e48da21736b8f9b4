using Microsoft.AspNetCore.Identity;

namespace InternalSocial.Users.Models;

public sealed class User : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

public sealed class Role : IdentityRole
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
public sealed class AccessToken
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
