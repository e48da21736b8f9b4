using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

internal sealed record WorkflowShowViewModel(WorkflowDefinition Definition, WorkflowSummary Summary, Diagram Diagram, IReadOnlyDictionary<string, ActivityTypeView> Types);
