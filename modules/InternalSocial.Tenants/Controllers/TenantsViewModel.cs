using InternalSocial.Kernel.Shells;

namespace InternalSocial.Tenants.Controllers;

internal sealed record TenantsViewModel(IReadOnlyList<ShellSettings> Tenants, CreateTenantViewModel Create);
