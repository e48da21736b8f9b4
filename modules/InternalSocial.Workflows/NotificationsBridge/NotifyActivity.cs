using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Activities;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.NotificationsBridge;

/// <summary>
/// <c>{ "type": "notify", "properties": { "to": [ { "fact": "post.authorId" } ], "title": { "en": "Your post was rejected", "fr": "…" },
/// "body": { "en": "Reason: {decision.reason}" }, "url": "/posts/{post.id}" } }</c>. Texts are one string or one per
/// language; <c>{fact}</c> placeholders are replaced by the instance's facts.
/// </summary>
internal sealed partial class NotifyActivity(IStringLocalizer<ModuleResources> T) : TaskActivity
{
    public override string Type => "notify";

    public override string DisplayName => "Notify people";

    public override IReadOnlyList<ActivityField> Fields =>
    [
        new("to", ActivityFieldKind.Assignees, T["Who is notified"]) { Required = true },
        new("title", ActivityFieldKind.LocalizedText, T["Notification title (English)"])
        {
            Required = true,
            MaxLength = 300,
            FrenchLabel = T["Notification title (French)"],
            FormName = "NotifyTitle",
            InputId = "ntitle",
        },
        new("body", ActivityFieldKind.LocalizedText, T["Notification text (English)"])
        {
            MaxLength = 1000,
            FrenchLabel = T["Notification text (French)"],
            FormName = "NotifyBody",
            InputId = "nbody",
        },
    ];

    public override Task ValidateAsync(ActivityValidation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
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
