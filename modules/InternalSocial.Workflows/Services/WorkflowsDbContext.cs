using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Workflows.Services;

internal sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public DbSet<WorkflowTypeRecord> Types => Set<WorkflowTypeRecord>();

    public DbSet<WorkflowVersionRecord> Versions => Set<WorkflowVersionRecord>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<WorkflowBookmark> Bookmarks => Set<WorkflowBookmark>();

    public DbSet<WorkflowHistoryEntry> History => Set<WorkflowHistoryEntry>();

    public DbSet<ModerationTask> Tasks => Set<ModerationTask>();

    public DbSet<TaskAssignee> Assignees => Set<TaskAssignee>();

    public DbSet<ModerationLogEntry> Log => Set<ModerationLogEntry>();

    public DbSet<ContentReport> Reports => Set<ContentReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowTypeRecord>().ToTable("Workflows_Types");
        modelBuilder.Entity<WorkflowVersionRecord>().ToTable("Workflows_Versions").HasKey(v => new { v.WorkflowId, v.Version });
        modelBuilder.Entity<WorkflowInstance>().ToTable("Workflows_Instances").Property(i => i.Revision).IsConcurrencyToken();
        modelBuilder.Entity<WorkflowBookmark>().ToTable("Workflows_Bookmarks");
        modelBuilder.Entity<WorkflowHistoryEntry>().ToTable("Workflows_History");
        modelBuilder.Entity<ModerationTask>().ToTable("Workflows_Tasks");
        modelBuilder.Entity<TaskAssignee>().ToTable("Workflows_TaskAssignees").HasKey(a => new { a.TaskId, a.Kind, a.Value });
        modelBuilder.Entity<ModerationLogEntry>().ToTable("Workflows_ModerationLog");
        modelBuilder.Entity<ContentReport>().ToTable("Workflows_Reports");
    }
}
