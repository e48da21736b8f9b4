using InternalSocial.Users.Authentication;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Users.Services;

/// <summary>The Users module's tables, all prefixed "Users_". The schema comes from Migrations/, not from EF.</summary>
internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityDbContext<User, Role, string>(options)
{
    // The tenant's caches come from the tenant's container, not the constructor: a context whose only parameter is its
    // options is pooled, and every request that touches people (most) would otherwise build an Identity context.
    private AccessTokenPrincipalCache? _principals;
    private PersonSummaryCache? _summaries;
    private bool _cachesFound;

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<PersonTerm> Terms => Set<PersonTerm>();

    public DbSet<Endorsement> Endorsements => Set<Endorsement>();

    public DbSet<ProfileField> ProfileFields => Set<ProfileField>();

    public DbSet<ProfileFieldValue> ProfileFieldValues => Set<ProfileFieldValue>();

    public DbSet<PeopleAuditEntry> Audit => Set<PeopleAuditEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    /// <summary>
    /// Keeps the directory's derived columns and name tokens in step with every save, whoever saves (Identity's
    /// user manager, the import, recipes, tests): nobody can forget them.
    /// </summary>
    /// <remarks>
    /// Also tells the token → principal cache and the person summary cache whose account this save changes, after the save: a revoked token, a
    /// deactivated person or a changed role stops working at the next request. A save inside a longer transaction is
    /// reported before the commit; the caller reports it again after (see <c>PersonalDataService.EraseAsync</c>).
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await RefreshDirectoryDataAsync(cancellationToken);
        var (principals, summaries) = Caches();
        var (users, all) = principals is null && summaries is null ? ([], false) : PrincipalChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (all)
        {
            principals?.InvalidateAll();
            summaries?.InvalidateAll();
        }
        else if (users.Count > 0)
        {
            principals?.InvalidateUsers(users);
            summaries?.InvalidateUsers(users);
        }

        return saved;
    }

    /// <summary>Reports to the principal and summary caches that these people changed outside a tracked save (bulk updates).</summary>
    public void PrincipalsChanged(params string[] userIds)
    {
        var (principals, summaries) = Caches();
        principals?.InvalidateUsers(userIds);
        summaries?.InvalidateUsers(userIds);
    }

    private (AccessTokenPrincipalCache? Principals, PersonSummaryCache? Summaries) Caches()
    {
        if (!_cachesFound)
        {
            var tenant = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
            _principals = tenant?.GetService<AccessTokenPrincipalCache>();
            _summaries = tenant?.GetService<PersonSummaryCache>();
            _cachesFound = true;
        }

        return (_principals, _summaries);
    }

    private (HashSet<string> Users, bool All) PrincipalChanges()
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Role or IdentityRoleClaim<string>:
                    return (users, true);
                case User user:
                    users.Add(user.Id);
                    break;
                case IdentityUserRole<string> role:
                    users.Add(role.UserId);
                    break;
                case IdentityUserClaim<string> claim:
                    users.Add(claim.UserId);
                    break;
                case AccessToken token:
                    users.Add(token.UserId);
                    break;
            }
        }

        return (users, false);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save asynchronously: the directory's name tokens are kept by SaveChangesAsync.");

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
        // The relationships tell EF to insert a new person before their terms (the tables have foreign keys).
        builder.Entity<PersonTerm>().ToTable("Users_PersonTerms").HasKey(t => new { t.UserId, t.Kind, t.Value });
        builder.Entity<PersonTerm>().HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<Endorsement>().ToTable("Users_Endorsements").HasKey(e => new { e.UserId, e.Skill, e.EndorserId });
        builder.Entity<Endorsement>().HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<ProfileField>().ToTable("Users_ProfileFields").HasKey(f => f.Id);
        builder.Entity<ProfileField>().Ignore(f => f.ChoiceList);
        builder.Entity<ProfileFieldValue>().ToTable("Users_ProfileFieldValues").HasKey(v => new { v.UserId, v.FieldId });
        builder.Entity<ProfileFieldValue>().HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<ProfileFieldValue>().HasOne<ProfileField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<PeopleAuditEntry>().ToTable("Users_Audit").HasKey(a => a.Id);
        builder.Entity<Invitation>().ToTable("Users_Invitations").HasKey(i => i.Id);
        builder.Entity<UserSession>().ToTable("Users_Sessions").HasKey(s => s.Id);
        builder.Entity<UserSession>().HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    private async Task RefreshDirectoryDataAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries<User>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var renamed = new List<User>();
        var existing = new List<string>();
        foreach (var entry in changed)
        {
            var user = entry.Entity;
            user.NormalizedDepartment = NullIfEmpty(Folding.Fold(user.Department));
            user.NormalizedSite = NullIfEmpty(Folding.Fold(user.Site));
            user.DirectoryKey = Folding.Fold(user.DisplayName) + "|" + user.Id;
            if (entry.State == EntityState.Added
                || entry.Property(u => u.DisplayName).IsModified
                || entry.Property(u => u.UserName).IsModified)
            {
                renamed.Add(user);
                if (entry.State != EntityState.Added)
                {
                    existing.Add(user.Id);
                }
            }
        }

        if (renamed.Count == 0)
        {
            return;
        }

        var old = new List<PersonTerm>();
        foreach (var chunk in existing.Chunk(500))
        {
            old.AddRange(await Terms.Where(t => chunk.Contains(t.UserId) && t.Kind == PersonTerm.Name).ToListAsync(cancellationToken));
        }

        var oldByUser = old.ToLookup(t => t.UserId);
        foreach (var user in renamed)
        {
            var wanted = Folding.Tokens(user.DisplayName + " " + user.UserName).ToHashSet(StringComparer.Ordinal);
            foreach (var term in oldByUser[user.Id])
            {
                if (!wanted.Remove(term.Value))
                {
                    Terms.Remove(term);
                }
            }

            foreach (var value in wanted)
            {
                Terms.Add(new PersonTerm { UserId = user.Id, Kind = PersonTerm.Name, Value = value });
            }
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
