using System.Text.Json.Nodes;
using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Abstractions.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>The problems found in one activity's properties, each named with the activity.</summary>
public sealed class ActivityValidation(WorkflowDefinition definition, ActivityDefinition activity, IReadOnlySet<string> knownFacts, IAssigneeKeys keys, IDictionary<string, string> errors, IStringLocalizer texts)
{
    /// <summary>The Workflows module's texts, for the problems activities report (in the reader's language).</summary>
    public IStringLocalizer T { get; } = texts;

    /// <summary>The ways to name assignees, and which of them the tenant's features make work.</summary>
    public IAssigneeKeys Keys { get; } = keys;

    public WorkflowDefinition Definition { get; } = definition;

    public ActivityDefinition Activity { get; } = activity;

    public JsonObject Properties => Activity.Properties;

    /// <summary>Facts the workflow's start event brings, plus those activities add.</summary>
    public IReadOnlySet<string> KnownFacts { get; } = knownFacts;

    public void Error(string field, string problem) =>
        errors.TryAdd($"activities.{Activity.Id}.{field}", T["Activity '{0}' ({1}): {2}: {3}", Activity.Id, Activity.Type, field, problem]);
}
