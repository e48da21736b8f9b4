using System.ComponentModel.DataAnnotations;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Tenants.Controllers;

internal sealed class CreateTenantViewModel
{
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "URL prefix")]
    public string? RequestUrlPrefix { get; set; }

    [Display(Name = "Host names (comma-separated)")]
    public string? RequestUrlHosts { get; set; }

    [Display(Name = "Database")]
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    [Display(Name = "PostgreSQL connection string")]
    public string? ConnectionString { get; set; }
}
