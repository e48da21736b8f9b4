using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

internal sealed record InstancesViewModel(IReadOnlyList<InstanceSummary> Instances, IReadOnlyList<WorkflowSummary> Workflows, string? WorkflowId, WorkflowStatus? Status);
