using InternalSocial.Kernel.Modules;
using InternalSocial.UnitTests.Infrastructure;
using InternalSocial.Workflows;
using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Descriptions;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;

namespace InternalSocial.UnitTests.Workflows;

/// <summary>What the validators need, without a host: English texts and no assignee keys.</summary>
internal static class Validations
{
    public static AssigneeKeys NoAssigneeKeys { get; } =
        new(new AssigneeKeyCatalog(new FeatureCatalog([])), [], new EnglishLocalizerFactory());

    public static ActivityValidation For(IDictionary<string, string> errors, params string[] facts) =>
        new(new WorkflowDefinition { Id = "w", Name = "W", Start = "start" },
            new ActivityDefinition { Id = "check", Type = "if" },
            facts.ToHashSet(StringComparer.Ordinal),
            NoAssigneeKeys,
            errors,
            new EnglishLocalizer<ModuleResources>());
}
