using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Abstractions;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Services;

/// <summary>
/// Reports of abuse by employees, with a reason from the organisation's list. Each report raises the workflow event
/// <c>moderation.contentReported</c> with the number of reports so far, so a workflow can hide the content after N.
/// </summary>
internal sealed class ReportsService(
    WorkflowsDbContext db,
    IEnumerable<IReportableContent> contents,
    IWorkflowEngine engine,
    AssigneeScopes scopes,
    DocumentStore documents,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const string EventName = "moderation.contentReported";
    public const int MaxCommentLength = 500;

    public async Task<ModerationSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<ModerationSettings>(ModerationSettings.DocumentId, cancellationToken) ?? ModerationSettings.Default;

    public async Task<IReadOnlyList<ReasonView>> ReasonsAsync(CancellationToken cancellationToken)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return [.. (await SettingsAsync(cancellationToken)).ReportReasons.Select(r => new ReasonView(r.Key,
            r.Labels.GetValueOrDefault(language) ?? r.Labels.GetValueOrDefault("en") ?? r.Key))];
    }

    public async Task SaveReasonsAsync(ClaimsPrincipal user, IReadOnlyList<ReportReason>? reasons, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageWorkflows);
        var errors = new Dictionary<string, string>();
        if (reasons is null || reasons.Count is 0 or > 30)
        {
            errors["reportReasons"] = T["Give 1 to 30 reasons."];
        }
        else
        {
            for (var i = 0; i < reasons.Count; i++)
            {
                var reason = reasons[i];
                if (string.IsNullOrWhiteSpace(reason.Key) || reason.Key.Length > 50 || !reason.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    errors[$"reportReasons[{i}].key"] = T["A key of 1 to 50 letters, digits or dashes is required."];
                }
                else if (reasons.Take(i).Any(r => r.Key == reason.Key))
                {
                    errors[$"reportReasons[{i}].key"] = T["The key '{0}' is used twice.", reason.Key];
                }

                if (reason.Labels is null || reason.Labels.Count == 0 || reason.Labels.Any(l => l.Key.Length != 2 || string.IsNullOrWhiteSpace(l.Value) || l.Value.Length > 100))
                {
                    errors[$"reportReasons[{i}].labels"] = T["Give a label of at most 100 characters per two-letter language code."];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var settings = await SettingsAsync(cancellationToken);
        settings.ReportReasons = [.. reasons!];
        await documents.SaveAsync(ModerationSettings.DocumentId, settings, cancellationToken);
    }

    public async Task<ReportCreated> ReportAsync(ClaimsPrincipal user, ReportInput? input, CancellationToken cancellationToken)
    {
        var reporterId = user.FindUserId() ?? throw new PermissionDeniedException(Permissions.Moderate);
        var (content, comment) = await ValidateReportAsync(input, cancellationToken);
        var item = await content.FindVisibleAsync(user, input!.ContentId!, cancellationToken)
            ?? throw new NotFoundException(T["No {0} with id {1}.", content.ContentType, input.ContentId!]);
        if (item.AuthorId == reporterId)
        {
            throw new InvalidInputException("contentId", T["You cannot report your own content."]);
        }

        if (await db.Reports.AnyAsync(r => r.ContentType == item.ContentType && r.ContentId == item.ContentId && r.ReporterId == reporterId, cancellationToken))
        {
            throw new ConflictException(T["You have already reported this."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = new ContentReport
        {
            ContentType = item.ContentType,
            ContentId = item.ContentId,
            GroupId = item.GroupId,
            AuthorId = item.AuthorId,
            Summary = item.Summary.Length > 300 ? item.Summary[..300] : item.Summary,
            ReporterId = reporterId,
            Reason = input.Reason!,
            Comment = comment,
            CreatedUtc = now,
        };
        db.Reports.Add(report);
        db.Log.Add(new ModerationLogEntry { AtUtc = now, ActorId = reporterId, Action = "reported", SubjectType = item.ContentType, SubjectId = item.ContentId, GroupId = item.GroupId, Reason = input.Reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(T["You have already reported this."]);
        }

        await TriggerReportedAsync(item, report, cancellationToken);
        return new ReportCreated(report.Id);
    }

    /// <summary>The report's content type, id, reason and comment; every problem at once.</summary>
    private async Task<(IReportableContent Content, string? Comment)> ValidateReportAsync(ReportInput? input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var content = contents.FirstOrDefault(c => c.ContentType == input?.ContentType);
        if (content is null)
        {
            errors["contentType"] = T["Unknown content type; one of: {0}.", string.Join(", ", contents.Select(c => c.ContentType))];
        }

        if (string.IsNullOrWhiteSpace(input?.ContentId) || input.ContentId.Length > 100)
        {
            errors["contentId"] = T["The id of the reported content is required."];
        }

        var reasons = (await SettingsAsync(cancellationToken)).ReportReasons;
        if (reasons.All(r => r.Key != input?.Reason))
        {
            errors["reason"] = T["Choose one of the reasons: {0}.", string.Join(", ", reasons.Select(r => r.Key))];
        }

        var comment = string.IsNullOrWhiteSpace(input?.Comment) ? null : input.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            errors["comment"] = T["The comment must be at most {0} characters.", MaxCommentLength];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (content!, comment);
    }

    /// <summary>Tells workflows starting on a report (with how many reports the content has now).</summary>
    private async Task TriggerReportedAsync(ReportableItem item, ContentReport report, CancellationToken cancellationToken)
    {
        var count = await db.Reports.CountAsync(r => r.ContentType == item.ContentType && r.ContentId == item.ContentId, cancellationToken);
        await engine.TriggerAsync(EventName, $"{item.ContentType}:{item.ContentId}", new Dictionary<string, JsonNode?>
        {
            ["content.type"] = item.ContentType,
            ["content.id"] = item.ContentId,
            ["report.count"] = count,
            ["report.reason"] = report.Reason,
            ["subject.type"] = item.ContentType,
            ["subject.id"] = item.ContentId,
            ["subject.groupId"] = item.GroupId,
            ["subject.authorId"] = item.AuthorId,
            ["subject.summary"] = report.Summary,
        }, cancellationToken);
    }

    /// <summary>
    /// Reported content, most recent first, for those who may review it: everything for <see cref="Permissions.ModerateAll"/>,
    /// content outside groups for site moderators, a group's content for its moderators.
    /// </summary>
    public async Task<IReadOnlyList<ReportedContentView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.Moderate);
        var reports = db.Reports.AsNoTracking();
        if (!await authorization.HasPermissionAsync(user, Permissions.ModerateAll))
        {
            var groups = (await scopes.HeldByAsync(user, cancellationToken)).Where(h => h.Kind == AssigneeKinds.Group)
                .Select(h => long.Parse(h.Value, CultureInfo.InvariantCulture)).ToList();
            var siteModerator = await authorization.HasPermissionAsync(user, Permissions.ReviewReports);
            reports = reports.Where(r => (r.GroupId == null && siteModerator) || (r.GroupId != null && groups.Contains(r.GroupId.Value)));
        }

        var latest = await reports.GroupBy(r => new { r.ContentType, r.ContentId })
            .Select(g => new { g.Key.ContentType, g.Key.ContentId, Count = g.Count(), Last = g.Max(r => r.Id) })
            .OrderByDescending(g => g.Last).Take(100).ToListAsync(cancellationToken);
        var lastIds = latest.Select(l => l.Last).ToList();
        var rows = await db.Reports.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        // By type and id (the unique index's leading columns), not by a concatenated key the database cannot index.
        var types = latest.Select(l => l.ContentType).Distinct().ToList();
        var ids = latest.Select(l => l.ContentId).Distinct().ToList();
        var reasons = (await db.Reports.AsNoTracking().Where(r => types.Contains(r.ContentType) && ids.Contains(r.ContentId))
                .Select(r => new { r.ContentType, r.ContentId, r.Reason }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ContentType + ":" + r.ContentId, r => r.Reason);
        return [.. latest.Select(l =>
        {
            var row = rows[l.Last];
            return new ReportedContentView(l.ContentType, l.ContentId, row.GroupId, row.AuthorId, row.Summary, l.Count,
                [.. reasons[l.ContentType + ":" + l.ContentId].Distinct()], row.CreatedUtc);
        })];
    }
}
