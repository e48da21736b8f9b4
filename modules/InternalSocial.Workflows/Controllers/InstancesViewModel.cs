using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

public sealed record InstancesViewModel(IReadOnlyList<InstanceSummary> Instances, IReadOnlyList<WorkflowSummary> Workflows, string? WorkflowId, WorkflowStatus? Status);
