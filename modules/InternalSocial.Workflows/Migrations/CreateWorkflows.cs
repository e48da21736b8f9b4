using FluentMigrator;

namespace InternalSocial.Workflows.Migrations;

[Migration(1, "Workflow types, versions, instances, bookmarks, history, moderation tasks and log")]
internal sealed class CreateWorkflows : Migration
{
    public override void Up()
    {
        CreateTypes();
        CreateVersions();
        CreateInstances();
        CreateBookmarks();
        CreateHistory();
        CreateTasks();
        CreateTaskAssignees();
        CreateModerationLog();
    }

    public override void Down()
    {
        Delete.Table("Workflows_ModerationLog");
        Delete.Table("Workflows_TaskAssignees");
        Delete.Table("Workflows_Tasks");
        Delete.Table("Workflows_History");
        Delete.Table("Workflows_Bookmarks");
        Delete.Table("Workflows_Instances");
        Delete.Table("Workflows_Versions");
        Delete.Table("Workflows_Types");
    }

    private void CreateTypes()
    {
        Create.Table("Workflows_Types")
            .WithColumn("Id").AsString(80).PrimaryKey()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Enabled").AsBoolean().NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("StartEvent").AsString(100).NotNullable()
            .WithColumn("UpdatedUtc").AsDateTime().NotNullable()
            .WithColumn("UpdatedBy").AsString(64).NotNullable();
        Create.Index("IX_Workflows_Types_StartEvent").OnTable("Workflows_Types").OnColumn("StartEvent").Ascending().OnColumn("Enabled").Ascending();
    }

    private void CreateVersions()
    {
        Create.Table("Workflows_Versions")
            .WithColumn("WorkflowId").AsString(80).PrimaryKey()
            .WithColumn("Version").AsInt32().PrimaryKey()
            .WithColumn("Json").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreatedUtc").AsDateTime().NotNullable();
    }

    private void CreateInstances()
    {
        Create.Table("Workflows_Instances")
            .WithColumn("Id").AsString(36).PrimaryKey()
            .WithColumn("WorkflowId").AsString(80).NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("CorrelationKey").AsString(200).NotNullable()
            .WithColumn("ActivityId").AsString(80).Nullable()
            .WithColumn("VariablesJson").AsString(int.MaxValue).NotNullable()
            .WithColumn("RetryJson").AsString(int.MaxValue).Nullable()
            .WithColumn("Error").AsString(2000).Nullable()
            .WithColumn("CreatedUtc").AsDateTime().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTime().NotNullable()
            .WithColumn("Revision").AsInt32().NotNullable();
        Create.Index("IX_Workflows_Instances_Workflow").OnTable("Workflows_Instances").OnColumn("WorkflowId").Ascending().OnColumn("CreatedUtc").Descending();
        Create.Index("IX_Workflows_Instances_Status").OnTable("Workflows_Instances").OnColumn("Status").Ascending();
        Create.Index("IX_Workflows_Instances_Correlation").OnTable("Workflows_Instances").OnColumn("CorrelationKey").Ascending();
    }

    private void CreateBookmarks()
    {
        Create.Table("Workflows_Bookmarks")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("InstanceId").AsString(36).NotNullable()
            .WithColumn("ActivityId").AsString(80).NotNullable()
            .WithColumn("Kind").AsString(10).NotNullable()
            .WithColumn("EventName").AsString(100).Nullable()
            .WithColumn("CorrelationKey").AsString(200).Nullable()
            .WithColumn("TaskId").AsInt64().Nullable()
            .WithColumn("DueUtc").AsDateTime().Nullable();
        Create.Index("IX_Workflows_Bookmarks_Instance").OnTable("Workflows_Bookmarks").OnColumn("InstanceId").Ascending();
        Create.Index("IX_Workflows_Bookmarks_Event").OnTable("Workflows_Bookmarks").OnColumn("EventName").Ascending().OnColumn("CorrelationKey").Ascending();
        Create.Index("IX_Workflows_Bookmarks_Due").OnTable("Workflows_Bookmarks").OnColumn("DueUtc").Ascending();
        Create.Index("IX_Workflows_Bookmarks_Task").OnTable("Workflows_Bookmarks").OnColumn("TaskId").Ascending();
    }

    private void CreateHistory()
    {
        Create.Table("Workflows_History")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("InstanceId").AsString(36).NotNullable()
            .WithColumn("ActivityId").AsString(80).NotNullable()
            .WithColumn("ActivityType").AsString(100).NotNullable()
            .WithColumn("Outcome").AsString(100).Nullable()
            .WithColumn("ActorId").AsString(64).Nullable()
            .WithColumn("Note").AsString(2000).Nullable()
            .WithColumn("AtUtc").AsDateTime().NotNullable();
        Create.Index("IX_Workflows_History_Instance").OnTable("Workflows_History").OnColumn("InstanceId").Ascending().OnColumn("Id").Ascending();
    }

    private void CreateTasks()
    {
        Create.Table("Workflows_Tasks")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("InstanceId").AsString(36).NotNullable()
            .WithColumn("ActivityId").AsString(80).NotNullable()
            .WithColumn("SubjectType").AsString(50).NotNullable()
            .WithColumn("SubjectId").AsString(100).NotNullable()
            .WithColumn("GroupId").AsInt64().Nullable()
            .WithColumn("AuthorId").AsString(64).NotNullable()
            .WithColumn("Summary").AsString(500).NotNullable()
            .WithColumn("Status").AsInt32().NotNullable()
            .WithColumn("DecidedBy").AsString(64).Nullable()
            .WithColumn("DecidedUtc").AsDateTime().Nullable()
            .WithColumn("Reason").AsString(1000).Nullable()
            .WithColumn("EscalationCount").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTime().NotNullable();
        // The queue: open tasks, oldest first.
        Create.Index("IX_Workflows_Tasks_Status_Id").OnTable("Workflows_Tasks").OnColumn("Status").Ascending().OnColumn("Id").Ascending();
        Create.Index("IX_Workflows_Tasks_Subject").OnTable("Workflows_Tasks").OnColumn("SubjectType").Ascending().OnColumn("SubjectId").Ascending();
    }

    private void CreateTaskAssignees()
    {
        Create.Table("Workflows_TaskAssignees")
            .WithColumn("TaskId").AsInt64().PrimaryKey()
            .WithColumn("Kind").AsString(10).PrimaryKey()
            .WithColumn("Value").AsString(100).PrimaryKey();
        // From what a moderator holds (roles, groups, self) to their tasks.
        Create.Index("IX_Workflows_TaskAssignees_Holder").OnTable("Workflows_TaskAssignees").OnColumn("Kind").Ascending().OnColumn("Value").Ascending().OnColumn("TaskId").Ascending();
    }

    private void CreateModerationLog()
    {
        Create.Table("Workflows_ModerationLog")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("AtUtc").AsDateTime().NotNullable()
            .WithColumn("ActorId").AsString(64).NotNullable()
            .WithColumn("Action").AsString(50).NotNullable()
            .WithColumn("SubjectType").AsString(50).NotNullable()
            .WithColumn("SubjectId").AsString(100).NotNullable()
            .WithColumn("GroupId").AsInt64().Nullable()
            .WithColumn("Reason").AsString(1000).Nullable();
        Create.Index("IX_Workflows_ModerationLog_At").OnTable("Workflows_ModerationLog").OnColumn("AtUtc").Descending();
    }
}
