using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

/// <summary>The Users module's tables, all prefixed "Users_". The schema comes from Migrations/, not from EF.</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityDbContext<User, Role, string>(options)
{
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<User>().ToTable("Users_Users");
        builder.Entity<Role>().ToTable("Users_Roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("Users_UserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("Users_UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("Users_UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("Users_UserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("Users_RoleClaims");
        var token = builder.Entity<AccessToken>();
        token.ToTable("Users_AccessTokens");
        token.HasKey(t => t.Id);
        token.HasIndex(t => t.TokenHash).IsUnique();
    }
}
