using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TaskStatus = InternalSocial.Workflows.Models.TaskStatus;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// The moderation queue: the open tasks a person may act on (assigned to them, one of their roles, or a group they
/// moderate), and their decisions. Every decision is checked again here and claimed atomically: of two moderators
/// deciding at once, one wins and the other gets <see cref="ConflictException"/>.
/// </summary>
internal sealed class ModerationService(
    WorkflowsDbContext db,
    WorkflowEngine engine,
    AssigneeScopes scopes,
    IPeopleLookup people,
    IAuthorizationService authorization,
    TimeProvider clock,
    IEnumerable<IModerationRules> rules,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 50;
    public const int MaxReasonLength = 1000;

    public async Task<TaskPage> ListAsync(ClaimsPrincipal user, long? groupId, string? cursor, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        var after = ParseCursor(cursor);
        var tasks = (await VisibleAsync(user, cancellationToken)).Where(t => t.Status == TaskStatus.Open && t.Id > after);
        if (groupId is not null)
        {
            tasks = tasks.Where(t => t.GroupId == groupId);
        }

        var page = await tasks.OrderBy(t => t.Id).Take(PageSize + 1).AsNoTracking().ToListAsync(cancellationToken);
        var items = await ViewsAsync(page.Take(PageSize).ToList(), cancellationToken);
        return new TaskPage(items, page.Count > PageSize ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The groups of the open tasks the person may act on, with how many wait in each (for the queue's filter).</summary>
    public async Task<IReadOnlyList<(long GroupId, string? GroupName, int Count)>> OpenGroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        var counts = await (await VisibleAsync(user, cancellationToken)).Where(t => t.Status == TaskStatus.Open && t.GroupId != null)
            .GroupBy(t => t.GroupId!.Value).Select(g => new { GroupId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var names = scopes.Find(AssigneeKinds.Group) is { } groupScope
            ? await groupScope.NamesAsync([.. counts.Select(c => c.GroupId.ToString(CultureInfo.InvariantCulture))], cancellationToken)
            : new Dictionary<string, string>();
        return [.. counts.Select(c => (c.GroupId, names.GetValueOrDefault(c.GroupId.ToString(CultureInfo.InvariantCulture)), c.Count)).OrderBy(c => c.Item2 ?? "", StringComparer.CurrentCulture)];
    }

    public async Task<TaskView> GetAsync(ClaimsPrincipal user, long taskId, CancellationToken cancellationToken)
    {
        var task = await FindVisibleAsync(user, taskId, cancellationToken);
        return (await ViewsAsync([task], cancellationToken))[0];
    }

    /// <summary>The rules a rejection may cite, from every module that offers some (none: the forms offer no rule).</summary>
    public async Task<IReadOnlyList<ModerationRule>> RulesAsync(CancellationToken cancellationToken)
    {
        var all = new List<ModerationRule>();
        foreach (var source in rules)
        {
            all.AddRange(await source.ListAsync(cancellationToken));
        }

        return all;
    }

    public Task<DecisionResult> DecideAsync(ClaimsPrincipal user, long taskId, string decision, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(user, taskId, decision, reason, null, cancellationToken);

    /// <summary>
    /// Approves, rejects or sends back a task; a reason is required to reject or ask for changes. A cited
    /// <paramref name="rule"/> is written into the reason, so the author's notification names it and where to read it.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(ClaimsPrincipal user, long taskId, string decision, string? reason, int? rule, CancellationToken cancellationToken)
    {
        var task = await FindVisibleAsync(user, taskId, cancellationToken);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (rule is { } number && decision != ApprovalActivity.Approved)
        {
            reason = await CiteAsync(reason, number, cancellationToken);
        }

        if (decision != ApprovalActivity.Approved && reason is null)
        {
            throw new InvalidInputException("reason", T["A reason is required to reject or ask for changes: the author reads it."]);
        }

        if (reason?.Length > MaxReasonLength)
        {
            throw new InvalidInputException("reason", T["The reason must be at most {0} characters.", MaxReasonLength]);
        }

        if (task.Status != TaskStatus.Open)
        {
            throw new ConflictException(T["This task was already decided ({0}).", task.Status]);
        }

        var actorId = user.FindUserId()!;
        var status = decision switch
        {
            ApprovalActivity.Approved => TaskStatus.Approved,
            ApprovalActivity.Rejected => TaskStatus.Rejected,
            _ => TaskStatus.ChangesRequested,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var alreadyDecided = T["Someone else decided this task at the same time; your decision was not applied."].Value;

        // Claimed in the run's own transaction (and again if the run faults, so the decision is kept).
        Func<IServiceProvider, CancellationToken, Task> claim = async (services, token) =>
        {
            var scoped = services.GetRequiredService<WorkflowsDbContext>();
            var claimed = await scoped.Tasks.Where(t => t.Id == taskId && t.Status == TaskStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.DecidedBy, actorId).SetProperty(t => t.DecidedUtc, now).SetProperty(t => t.Reason, reason), token);
            if (claimed == 0)
            {
                throw new ConflictException(alreadyDecided);
            }

            scoped.Log.Add(new ModerationLogEntry { AtUtc = now, ActorId = actorId, Action = decision, SubjectType = task.SubjectType, SubjectId = task.SubjectId, GroupId = task.GroupId, Reason = reason });
            await scoped.SaveChangesAsync(token);
            await services.GetRequiredService<IEventBus>().PublishAsync(new WorkflowTaskDecided(taskId, task.SubjectType, task.SubjectId, decision, reason, actorId), token);
        };
        var input = new ResumeInput { Kind = BookmarkKinds.Task, Outcome = decision, Reason = reason, ActorId = actorId };
        var workflowStatus = await engine.ResumeTaskAsync(task.InstanceId, task.ActivityId, input, claim, cancellationToken);
        return new DecisionResult(taskId, decision, workflowStatus.ToString());
    }

    public async Task<LogPage> LogAsync(ClaimsPrincipal user, string? cursor, int take, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ViewModerationLog);
        var before = cursor is null ? long.MaxValue : ParseCursor(cursor);
        take = Math.Clamp(take, 1, 5000);
        var rows = await db.Log.AsNoTracking().Where(l => l.Id < before).OrderByDescending(l => l.Id).Take(take + 1).ToListAsync(cancellationToken);
        var names = await people.GetByIdsAsync(rows.Select(r => r.ActorId).Where(a => a.Length > 0).ToList(), cancellationToken);
        var items = rows.Take(take).Select(r => new LogEntryView(r.Id, r.AtUtc, r.ActorId, names.GetValueOrDefault(r.ActorId)?.DisplayName, r.Action, r.SubjectType, r.SubjectId, r.GroupId, r.Reason)).ToList();
        return new LogPage(items, rows.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }

    private async Task<string> CiteAsync(string? reason, int number, CancellationToken cancellationToken)
    {
        var cited = (await RulesAsync(cancellationToken)).FirstOrDefault(r => r.Number == number)
            ?? throw new InvalidInputException("rule", T["There is no rule {0} to cite.", number]);
        var citation = T["See rule {0}, “{1}”: {2}", cited.Number, cited.Title, cited.Url].Value;
        return reason is null ? citation : reason + " — " + citation;
    }

    private async Task<ModerationTask> FindVisibleAsync(ClaimsPrincipal user, long taskId, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        return await (await VisibleAsync(user, cancellationToken)).AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException(T["No task with id {0}.", taskId]);
    }

    /// <summary>The tasks assigned to something the person holds; all of them for those who may moderate everything.</summary>
    private async Task<IQueryable<ModerationTask>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await authorization.HasPermissionAsync(user, Permissions.ModerateAll))
        {
            return db.Tasks;
        }

        var held = await scopes.HeldByAsync(user, cancellationToken);
        var keys = held.Select(h => h.Kind + ":" + h.Value).ToList();
        return db.Tasks.Where(t => db.Assignees.Any(a => a.TaskId == t.Id && keys.Contains(a.Kind + ":" + a.Value)));
    }

    private async Task<IReadOnlyList<TaskView>> ViewsAsync(IReadOnlyList<ModerationTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var assignees = await db.Assignees.AsNoTracking().Where(a => ids.Contains(a.TaskId)).ToListAsync(cancellationToken);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var workflows = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.WorkflowId, cancellationToken);
        var authors = await people.GetByIdsAsync(tasks.Select(t => t.AuthorId).Where(a => a.Length > 0).ToList(), cancellationToken);
        var groupNames = scopes.Find(AssigneeKinds.Group) is { } groupScope
            ? await groupScope.NamesAsync(tasks.Where(t => t.GroupId is not null).Select(t => t.GroupId!.Value.ToString(CultureInfo.InvariantCulture)).Distinct().ToList(), cancellationToken)
            : new Dictionary<string, string>();
        return [.. tasks.Select(t => new TaskView(t.Id, t.SubjectType, t.SubjectId, t.GroupId,
            t.GroupId is { } g ? groupNames.GetValueOrDefault(g.ToString(CultureInfo.InvariantCulture)) : null,
            t.AuthorId, authors.GetValueOrDefault(t.AuthorId)?.DisplayName, t.Summary, t.Status.ToString(), t.CreatedUtc, t.EscalationCount,
            workflows.GetValueOrDefault(t.InstanceId) ?? "",
            [.. assignees.Where(a => a.TaskId == t.Id).Select(a => $"{a.Kind}:{a.Value}")]))];
    }

    private long ParseCursor(string? cursor) =>
        cursor is null ? 0 : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidInputException("cursor", T["The cursor is not one this list gave."]);
}
