using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

public sealed record WorkflowShowViewModel(WorkflowDefinition Definition, WorkflowSummary Summary, Diagram Diagram, IReadOnlyDictionary<string, ActivityTypeView> Types);
