using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Mvc;
using InternalSocial.Users.Abstractions;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Editor;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Controllers;

/// <summary>
/// Workflows in the administration: the list with enable and disable, a page per definition with its diagram, the
/// structured editor, import and export as JSON, and the instances with their history and a retry for faulted ones.
/// Every call goes through <see cref="WorkflowsAdminService"/>, which checks <c>Workflows.Manage</c>.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize]
[Route("admin/workflows")]
internal sealed class WorkflowsAdminController(WorkflowsAdminService admin, ActivityRegistry registry, EditorDescriptions descriptions, IPeopleLookup people, IStringLocalizer<ModuleResources> T) : Controller
{
    public const long MaxImportBytes = 512 * 1024;

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await admin.ListAsync(User, cancellationToken));

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) => SetEnabledAsync(id, true, cancellationToken);

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) => SetEnabledAsync(id, false, cancellationToken);

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var definition = await admin.GetAsync(User, id, cancellationToken);
        var summary = (await admin.ListAsync(User, cancellationToken)).First(w => w.Id == definition.Id);
        var types = (await admin.ActivityTypesAsync(User)).ToDictionary(t => t.Type, StringComparer.Ordinal);
        return View(new WorkflowShowViewModel(definition, summary, WorkflowDiagram.Build(definition, registry), types));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        var form = new WorkflowEditorModel
        {
            Start = "start",
            Activities = [new ActivityRow { Id = "start" }],
        };
        return await EditorAsync(form, null, null);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken) =>
        await EditorAsync(WorkflowEditorModel.From(await admin.GetAsync(User, id, cancellationToken), descriptions), null, null);

    /// <summary>
    /// The editor's one form. Its buttons add a row or refresh the fields for a changed type without saving; "save"
    /// validates and saves, or shows each problem next to the activity or transition it names.
    /// </summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(string? command, CancellationToken cancellationToken)
    {
        var form = WorkflowEditorForm.Read(Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : FormCollection.Empty);
        switch (command)
        {
            case "add-activity":
                form.Activities.Add(new ActivityRow { Id = NewActivityId(form) });
                return await EditorAsync(form, null, null);
            case "add-transition":
                form.Transitions.Add(new TransitionRow());
                return await EditorAsync(form, null, null);
            case "refresh":
                return await EditorAsync(form, null, null);
        }

        var errors = new Dictionary<string, string>();
        var json = form.ToJson(errors, T, descriptions, out var transitionRows);
        if (errors.Count == 0)
        {
            try
            {
                var saved = await admin.SaveAsync(User, json, form.OriginalId is null ? SaveMode.Create : SaveMode.Update, form.OriginalId, cancellationToken);
                TempData["Message"] = saved.Changed ? T["Workflow saved: version {0}.", saved.Workflow.Version].Value : T["Nothing changed."].Value;
                return Redirect(Url.Content($"~/admin/workflows/{saved.Workflow.Id}"));
            }
            catch (InvalidInputException invalid)
            {
                foreach (var (key, problem) in invalid.Errors)
                {
                    errors[key] = problem;
                }
            }
            catch (ConflictException conflict)
            {
                errors["id"] = conflict.Message;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await EditorAsync(form, errors, transitionRows);
    }

    [HttpGet("{id}/export")]
    public async Task<IActionResult> Export(string id, CancellationToken cancellationToken)
    {
        var definition = await admin.GetAsync(User, id, cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition, Indented));
        return File(bytes, "application/json", $"{definition.Id}.workflow.json");
    }

    /// <summary>A JSON file exported here or written by hand: creates the workflow, or a new version of it.</summary>
    [HttpPost("import")]
    [RequestSizeLimit(MaxImportBytes + (64 * 1024))]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        await admin.ListAsync(User, cancellationToken);
        if (file is null || file.Length == 0)
        {
            TempData["Error"] = T["Choose a JSON file to import."].Value;
            return Redirect(Url.Content("~/admin/workflows"));
        }

        if (file.Length > MaxImportBytes)
        {
            TempData["Error"] = T["The file is too large: at most {0} KB.", MaxImportBytes / 1024].Value;
            return Redirect(Url.Content("~/admin/workflows"));
        }

        JsonNode? json;
        try
        {
            await using var stream = file.OpenReadStream();
            json = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            TempData["Error"] = T["The file is not valid JSON: {0}", exception.Message].Value;
            return Redirect(Url.Content("~/admin/workflows"));
        }

        try
        {
            var saved = await admin.SaveAsync(User, json, SaveMode.Upsert, null, cancellationToken);
            TempData["Message"] = saved.Created ? T["Workflow imported."].Value : saved.Changed ? T["Workflow imported: version {0}.", saved.Workflow.Version].Value : T["Nothing changed."].Value;
            return Redirect(Url.Content($"~/admin/workflows/{saved.Workflow.Id}"));
        }
        catch (InvalidInputException invalid)
        {
            // Shown in the editor, each problem next to its activity, when the file is at least shaped like a definition.
            var parseErrors = new Dictionary<string, string>();
            if (DefinitionReader.Parse(json, parseErrors, T) is { } definition)
            {
                var form = WorkflowEditorModel.From(definition, descriptions);
                var existing = (await admin.ListAsync(User, cancellationToken)).Any(w => w.Id == definition.Id);
                form.OriginalId = existing ? definition.Id : null;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                var transitionRows = Enumerable.Range(0, form.Transitions.Count).ToList();
                return await EditorAsync(form, invalid.Errors.ToDictionary(e => e.Key, e => e.Value), transitionRows);
            }

            TempData["Error"] = T["The file is not a workflow definition: {0}", string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {e.Value}"))].Value;
            return Redirect(Url.Content("~/admin/workflows"));
        }
    }

    [HttpGet("instances")]
    public async Task<IActionResult> Instances(string? workflow, WorkflowStatus? status, CancellationToken cancellationToken)
    {
        var workflowId = string.IsNullOrWhiteSpace(workflow) ? null : workflow;
        var instances = await admin.InstancesAsync(User, workflowId, status, null, cancellationToken);
        return View(new InstancesViewModel(instances, await admin.ListAsync(User, cancellationToken), workflowId, status));
    }

    [HttpGet("instances/{instanceId}")]
    public async Task<IActionResult> Instance(string instanceId, CancellationToken cancellationToken)
    {
        var detail = await admin.InstanceAsync(User, instanceId, cancellationToken);
        var actorIds = detail.History.Select(h => h.ActorId).OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
        var names = await people.GetByIdsAsync(actorIds, cancellationToken);
        return View(new InstanceViewModel(detail, names.ToDictionary(n => n.Key, n => n.Value.DisplayName)));
    }

    [HttpPost("instances/{instanceId}/retry")]
    [RedirectOnError("~/admin/workflows/instances/{instanceId}", typeof(ConflictException), typeof(InvalidInputException))]
    public async Task<IActionResult> Retry(string instanceId, CancellationToken cancellationToken)
    {
        var status = await admin.RetryAsync(User, instanceId, cancellationToken);
        TempData["Message"] = T["Retried: the instance is now {0}.", status].Value;
        return Redirect(Url.Content($"~/admin/workflows/instances/{Uri.EscapeDataString(instanceId)}"));
    }

    private async Task<IActionResult> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        var summary = await admin.SetEnabledAsync(User, id, enabled, cancellationToken);
        TempData["Message"] = (enabled ? T["'{0}' is enabled: new events start it.", summary.Name] : T["'{0}' is disabled: running instances go on, new events start nothing.", summary.Name]).Value;
        return Redirect(Url.Content("~/admin/workflows"));
    }

    private async Task<IActionResult> EditorAsync(WorkflowEditorModel form, IReadOnlyDictionary<string, string>? errors, List<int>? transitionRows)
    {
        var types = await admin.ActivityTypesAsync(User);
        var facts = new SortedSet<string>(DefinitionValidator.EngineFacts, StringComparer.Ordinal);
        foreach (var fact in types.Where(t => t.IsEvent).SelectMany(t => t.Facts))
        {
            facts.Add(fact);
        }

        var byRow = new Dictionary<int, List<string>>();
        foreach (var (key, problem) in errors ?? new Dictionary<string, string>())
        {
            if (key.StartsWith("transitions[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is > 12 and var end
                && int.TryParse(key.AsSpan(12, end - 12), out var index) && transitionRows is not null && index < transitionRows.Count)
            {
                var row = transitionRows[index];
                if (!byRow.TryGetValue(row, out var list))
                {
                    byRow[row] = list = [];
                }

                list.Add(problem);
            }
        }

        return View("Edit", new WorkflowEditorViewModel
        {
            Form = form,
            Types = types,
            Descriptions = descriptions,
            Facts = [.. facts],
            Outcomes = WorkflowEditorViewModel.AllOutcomes(form, registry, descriptions, T),
            Errors = errors ?? new Dictionary<string, string>(),
            TransitionErrors = byRow,
        });
    }

    private static string NewActivityId(WorkflowEditorModel form)
    {
        for (var i = form.Activities.Count + 1; ; i++)
        {
            var id = $"step{i}";
            if (!form.Activities.Any(a => a.Id == id))
            {
                return id;
            }
        }
    }
}
