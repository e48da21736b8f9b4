using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Notifications.Models;
using InternalSocial.Notifications.Services;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.NotificationsBridge;

public sealed class WorkflowNotificationKinds(IStringLocalizer<ModuleResources> T) : INotificationKindProvider
{
    /// <summary>A task was assigned to me (or escalated to me).</summary>
    public const string Task = "workflows.task";

    /// <summary>What a workflow tells someone (a post approved, rejected with its reason, sent back).</summary>
    public const string Message = "workflows.message";

    public IEnumerable<NotificationKind> GetKinds() =>
    [
        new(Task, T["A moderation task is assigned to me"], NotificationChannel.EmailImmediately),
        new(Message, T["News about my submissions (approved, rejected, sent back)"], NotificationChannel.EmailImmediately),
    ];
}

/// <summary>Tells the people a task is assigned to (each once), in their language.</summary>
public sealed class TaskAssignedNotifier(AssigneeScopes scopes, INotifier notifier, IStringLocalizer<ModuleResources> T) : IEventHandler<WorkflowTaskAssigned>
{
    public async Task HandleAsync(WorkflowTaskAssigned domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var people = await scopes.PeopleAsync(domainEvent.Assignees, cancellationToken);
        if (people.Count == 0)
        {
            return;
        }

        var summary = domainEvent.Summary.Length > 120 ? domainEvent.Summary[..120] + "…" : domainEvent.Summary;
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = WorkflowNotificationKinds.Task,
            RecipientIds = [.. people],
            Url = $"/moderation?task={domainEvent.TaskId}",
            DeduplicationKey = $"task:{domainEvent.TaskId}:{(domainEvent.IsEscalation ? "escalated" : "assigned")}",
            Text = _ => new NotificationText(
                domainEvent.IsEscalation ? T["A pending item was escalated to you"] : T["An item waits for your approval"],
                summary),
        }, cancellationToken);
    }
}

/// <summary>
/// <c>{ "type": "notify", "properties": { "to": [ { "fact": "post.authorId" } ], "title": { "en": "Your post was rejected", "fr": "…" },
/// "body": { "en": "Reason: {decision.reason}" }, "url": "/posts/{post.id}" } }</c>. Texts are one string or one per
/// language; <c>{fact}</c> placeholders are replaced by the instance's facts.
/// </summary>
public sealed partial class NotifyActivity : TaskActivity
{
    public override string Type => "notify";

    public override string DisplayName => "Notify people";

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        AssigneeSpecs.Validate(validation, "to");
        ValidateText(validation, "title", required: true, 300);
        ValidateText(validation, "body", required: false, 1000);
        if (validation.Properties["url"] is { } url && (url.GetValueKind() != JsonValueKind.String || !url.GetValue<string>().StartsWith('/') || url.GetValue<string>().StartsWith("//", StringComparison.Ordinal)))
        {
            validation.Error("url", validation.T["must be a site-relative address starting with '/'."]);
        }

        foreach (var unknown in validation.Properties.Select(p => p.Key).Where(k => k is not ("to" or "title" or "body" or "url")))
        {
            validation.Error(unknown, validation.T["unknown property; allowed: to, title, body, url."]);
        }

        return Task.CompletedTask;
    }

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groupId = long.TryParse(context.Text("subject.groupId"), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : (long?)null;
        var assignees = await AssigneeSpecs.ResolveAsync(context, context.Properties["to"]!.AsArray(), groupId, cancellationToken);
        var people = await context.Services.GetRequiredService<AssigneeScopes>()
            .PeopleAsync(assignees.Select(a => new TaskAssignee { Kind = a.Kind, Value = a.Value }), cancellationToken);
        if (people.Count == 0)
        {
            return ActivityResult.Outcome(ActivityOutcomes.Done, "nobody to notify");
        }

        var title = context.Properties["title"]!;
        var body = context.Properties["body"];
        var url = context.Properties["url"]?.GetValue<string>() ?? "/";
        await context.Services.GetRequiredService<INotifier>().NotifyAsync(new NotificationRequest
        {
            Kind = WorkflowNotificationKinds.Message,
            RecipientIds = [.. people],
            ActorId = context.ActorId,
            Url = Fill(url, context, Uri.EscapeDataString),
            DeduplicationKey = $"wf:{context.Instance.Id}:{context.Activity.Id}:{context.Instance.Revision}",
            Text = culture => new NotificationText(Fill(Pick(title, culture), context, s => s), body is null ? "" : Fill(Pick(body, culture), context, s => s)),
        }, cancellationToken);
        return ActivityResult.Outcome(ActivityOutcomes.Done, $"{people.Count} notified");
    }

    private static void ValidateText(ActivityValidation validation, string field, bool required, int maxLength)
    {
        switch (validation.Properties[field])
        {
            case null when required:
                validation.Error(field, validation.T["is required: a text, or one per language such as { \"en\": \"…\", \"fr\": \"…\" }."]);
                break;
            case null:
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Length <= maxLength:
                break;
            case JsonObject perLanguage when perLanguage.Count > 0 && perLanguage.All(p => p.Key.Length == 2 && p.Value?.GetValueKind() == JsonValueKind.String && p.Value.GetValue<string>().Length <= maxLength):
                break;
            default:
                validation.Error(field, validation.T["must be a text of at most {0} characters, or one per two-letter language code.", maxLength]);
                break;
        }
    }

    private static string Pick(JsonNode text, CultureInfo culture) => text switch
    {
        JsonObject perLanguage => (perLanguage[culture.TwoLetterISOLanguageName] ?? perLanguage["en"] ?? perLanguage.First().Value)!.GetValue<string>(),
        _ => text.GetValue<string>(),
    };

    private static string Fill(string template, ActivityContext context, Func<string, string> encode) =>
        Placeholder().Replace(template, match => encode(context.Text(match.Groups[1].Value)));

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

[ForFeature("InternalSocial.Workflows.Notifications")]
public sealed class WorkflowNotificationsStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<INotificationKindProvider, WorkflowNotificationKinds>();
        services.AddScoped<IEventHandler<WorkflowTaskAssigned>, TaskAssignedNotifier>();
        services.AddScoped<IActivity, NotifyActivity>();
    }
}
