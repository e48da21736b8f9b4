using InternalSocial.Groups.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>The Groups module's tables, all prefixed "Groups_". The schema comes from Migrations/, not from EF.</summary>
internal sealed class GroupsDbContext(DbContextOptions<GroupsDbContext> options) : DbContext(options)
{
    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMember> Members => Set<GroupMember>();

    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();

    public DbSet<GroupInvitation> Invitations => Set<GroupInvitation>();

    public DbSet<GroupModuleSetting> ModuleSettings => Set<GroupModuleSetting>();

    public DbSet<GroupModuleLock> ModuleLocks => Set<GroupModuleLock>();

    public DbSet<MembershipRule> MembershipRules => Set<MembershipRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Group>().ToTable("Groups_Groups");
        modelBuilder.Entity<GroupMember>().ToTable("Groups_Members").HasKey(m => new { m.GroupId, m.UserId });
        modelBuilder.Entity<JoinRequest>().ToTable("Groups_JoinRequests").HasKey(r => new { r.GroupId, r.UserId });
        modelBuilder.Entity<GroupInvitation>().ToTable("Groups_Invitations").HasKey(i => new { i.GroupId, i.UserId });
        modelBuilder.Entity<GroupModuleSetting>().ToTable("Groups_ModuleSettings").HasKey(s => new { s.GroupId, s.ModuleKey });
        modelBuilder.Entity<GroupModuleLock>().ToTable("Groups_ModuleLocks").HasKey(l => new { l.ModuleKey, l.Scope });
        modelBuilder.Entity<MembershipRule>().ToTable("Groups_MembershipRules");
    }
}
