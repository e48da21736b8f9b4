using InternalSocial.Kernel;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Controllers;

/// <summary>
/// The moderation queue page (site theme): the open tasks the person may decide, with approve, reject and
/// request-changes forms, and bulk decisions. Every check is the service's: this only turns its answers into pages.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("moderation")]
internal sealed class ModerationController(ModerationService moderation, IStringLocalizer<ModuleResources> T) : Controller
{
    private static readonly string[] Decisions = [ApprovalActivity.Approved, ApprovalActivity.Rejected, ApprovalActivity.ChangesRequested];

    [HttpGet("")]
    public async Task<IActionResult> Index(long? groupId, string? cursor, long? task, CancellationToken cancellationToken)
    {
        TaskView? highlighted = null;
        string? problem = null;
        if (task is { } taskId)
        {
            try
            {
                var found = await moderation.GetAsync(User, taskId, cancellationToken);
                if (found.Status == nameof(Models.TaskStatus.Open))
                {
                    highlighted = found;
                }
                else
                {
                    problem = T["This task was already decided ({0}).", StatusText(found.Status)].Value;
                }
            }
            catch (NotFoundException)
            {
                problem = T["Task {0} is not in your queue: it does not exist or is not assigned to you.", taskId].Value;
            }
        }

        return View(await ModelAsync(groupId, cursor, cancellationToken, highlighted: highlighted, highlightProblem: problem));
    }

    /// <summary>One decision: the pressed button says which (<c>approved</c>, <c>rejected</c>, <c>changesRequested</c>).</summary>
    [HttpPost("tasks/{id:long}/decide")]
    public async Task<IActionResult> Decide(long id, string? decision, string? reason, int? rule, long? groupId, CancellationToken cancellationToken)
    {
        if (decision is null || !Decisions.Contains(decision))
        {
            return await InvalidAsync(id, reason, rule, groupId, T["Choose approve, reject or request changes."].Value, null, cancellationToken);
        }

        try
        {
            await moderation.DecideAsync(User, id, decision, reason, rule, cancellationToken);
        }
        catch (InvalidInputException invalid)
        {
            var ruleError = invalid.Errors.GetValueOrDefault("rule");
            var reasonError = string.Join(" ", invalid.Errors.Where(e => e.Key != "rule").Select(e => e.Value));
            return await InvalidAsync(id, reason, rule, groupId, reasonError.Length == 0 ? null : reasonError, ruleError, cancellationToken);
        }
        catch (ConflictException conflict)
        {
            var model = await ModelAsync(groupId, null, cancellationToken, conflict: conflict.Message, errorTaskId: id);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), model);
        }

        TempData["Message"] = decision switch
        {
            ApprovalActivity.Approved => T["Approved: it is published."].Value,
            ApprovalActivity.Rejected => T["Rejected: the author receives your reason."].Value,
            _ => T["Sent back to the author with your request."].Value,
        };
        return Redirect(QueueUrl(groupId));
    }

    /// <summary>Several tasks at once, each decided on its own: reports how many succeeded and which were decided already.</summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(long[]? ids, string? decision, string? reason, int? rule, long? groupId, CancellationToken cancellationToken)
    {
        if (decision is not (ApprovalActivity.Approved or ApprovalActivity.Rejected))
        {
            TempData["Error"] = T["Choose approve all or reject all."].Value;
            return Redirect(QueueUrl(groupId));
        }

        if (ids is null || ids.Length == 0)
        {
            TempData["Error"] = T["Select at least one item first."].Value;
            return Redirect(QueueUrl(groupId));
        }

        if (decision == ApprovalActivity.Rejected && string.IsNullOrWhiteSpace(reason) && rule is null)
        {
            var model = await ModelAsync(groupId, null, cancellationToken, bulkReasonError: T["A reason is required to reject or ask for changes: the author reads it."].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), model);
        }

        var (succeeded, problems) = await DecideEachAsync(ids, decision, reason, rule, cancellationToken);
        TempData["Message"] = (decision == ApprovalActivity.Approved ? T["{0} approved.", succeeded] : T["{0} rejected.", succeeded]).Value;
        if (problems.Count > 0)
        {
            TempData["Error"] = string.Join(" ", problems);
        }

        return Redirect(QueueUrl(groupId));
    }

    /// <summary>Decides each task on its own; returns how many succeeded and a line per task that did not.</summary>
    private async Task<(int Succeeded, List<string> Problems)> DecideEachAsync(long[] ids, string decision, string? reason, int? rule, CancellationToken cancellationToken)
    {
        var succeeded = 0;
        var alreadyDecided = new List<long>();
        var failed = new List<string>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                await moderation.DecideAsync(User, id, decision, reason, rule, cancellationToken);
                succeeded++;
            }
            catch (ConflictException)
            {
                alreadyDecided.Add(id);
            }
            catch (NotFoundException)
            {
                failed.Add(T["{0}: not in your queue", id].Value);
            }
            catch (InvalidInputException invalid)
            {
                failed.Add(T["{0}: {1}", id, string.Join(" ", invalid.Errors.Values)].Value);
            }
        }

        var problems = new List<string>();
        if (alreadyDecided.Count > 0)
        {
            problems.Add(T["Already decided by someone else: {0}.", string.Join(", ", alreadyDecided.Select(i => "#" + i))].Value);
        }

        problems.AddRange(failed);
        return (succeeded, problems);
    }

    private async Task<IActionResult> InvalidAsync(long id, string? reason, int? rule, long? groupId, string? message, string? ruleError, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(groupId, null, cancellationToken, errorTaskId: id, reasonError: message, errorReason: reason);
        model.ErrorRule = rule;
        model.RuleError = ruleError;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), model);
    }

    private async Task<ModerationQueueViewModel> ModelAsync(long? groupId, string? cursor, CancellationToken cancellationToken,
        TaskView? highlighted = null, string? highlightProblem = null, long? errorTaskId = null, string? reasonError = null, string? errorReason = null,
        string? conflict = null, string? bulkReasonError = null)
    {
        var page = await moderation.ListAsync(User, groupId, cursor, cancellationToken);
        var groups = await moderation.OpenGroupsAsync(User, cancellationToken);
        var rules = await moderation.RulesAsync(cancellationToken);
        // A task that failed a decision stays in view even when it is on another page of the queue.
        if (highlighted is null && errorTaskId is { } failed && !page.Items.Any(t => t.Id == failed))
        {
            try
            {
                var task = await moderation.GetAsync(User, failed, cancellationToken);
                if (task.Status == nameof(Models.TaskStatus.Open))
                {
                    highlighted = task;
                }
            }
            catch (NotFoundException)
            {
                // Gone from the queue: the message says what happened.
            }
        }

        return new ModerationQueueViewModel
        {
            Page = page,
            Groups = [.. groups.Select(g => new GroupOption(g.GroupId, g.GroupName ?? T["Group {0}", g.GroupId].Value, g.Count))],
            GroupId = groupId,
            Cursor = cursor,
            Highlighted = highlighted,
            HighlightProblem = highlightProblem,
            ErrorTaskId = errorTaskId,
            ReasonError = reasonError,
            ErrorReason = errorReason,
            Conflict = conflict,
            BulkReasonError = bulkReasonError,
            Rules = rules,
        };
    }

    private string StatusText(string status) => status switch
    {
        nameof(Models.TaskStatus.Approved) => T["approved"].Value,
        nameof(Models.TaskStatus.Rejected) => T["rejected"].Value,
        nameof(Models.TaskStatus.ChangesRequested) => T["sent back for changes"].Value,
        nameof(Models.TaskStatus.Cancelled) => T["cancelled by the workflow"].Value,
        _ => status,
    };

    private string QueueUrl(long? groupId) => Url.Content(groupId is null ? "~/moderation" : $"~/moderation?groupId={groupId}");
}
