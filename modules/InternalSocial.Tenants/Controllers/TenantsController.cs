using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Shells;
using InternalSocial.Tenants.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Tenants.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[Route("admin/tenants")]
[RequirePermission("Tenants.ManageTenants")]
internal sealed class TenantsController(TenantsService tenants, IStringLocalizer<ModuleResources> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new TenantsViewModel(await tenants.ListAsync(User), new CreateTenantViewModel()));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Create")] CreateTenantViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var hosts = (model.RequestUrlHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var created = await tenants.CreateAsync(User, new NewTenant(model.Name, model.RequestUrlPrefix, hosts, model.DatabaseProvider, model.ConnectionString), cancellationToken);
            TempData["Message"] = T["Tenant '{0}' created. Open it to run its setup.", created.Name].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (InvalidInputException invalid)
        {
            ModelState.AddInputErrors(invalid, prefix: "Create.");

            return View(nameof(Index), new TenantsViewModel(await tenants.ListAsync(User), model));
        }
    }

    [HttpPost("{name}/disable")]
    public Task<IActionResult> Disable(string name, CancellationToken cancellationToken) => SetStateAsync(name, enabled: false, cancellationToken);

    [HttpPost("{name}/enable")]
    public Task<IActionResult> Enable(string name, CancellationToken cancellationToken) => SetStateAsync(name, enabled: true, cancellationToken);

    private async Task<IActionResult> SetStateAsync(string name, bool enabled, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await tenants.SetEnabledAsync(User, name, enabled, cancellationToken);
            TempData["Message"] = (enabled ? T["Tenant '{0}' is enabled.", updated.Name] : T["Tenant '{0}' is disabled.", updated.Name]).Value;
        }
        catch (Exception exception) when (exception is ConflictException or NotFoundException)
        {
            TempData["Error"] = exception.Message;
        }

        return RedirectToAction(nameof(Index));
    }
}
