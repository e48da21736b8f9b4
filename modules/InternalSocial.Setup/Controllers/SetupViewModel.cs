using System.ComponentModel.DataAnnotations;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Shells;

namespace InternalSocial.Setup.Controllers;

internal sealed class SetupViewModel
{
    [Display(Name = "Organisation name")]
    public string SiteName { get; set; } = "";

    [Display(Name = "Setup recipe")]
    public string Recipe { get; set; } = "";

    [Display(Name = "Administrator user name")]
    public string AdminUserName { get; set; } = "admin";

    [Display(Name = "Administrator e-mail")]
    public string AdminEmail { get; set; } = "";

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string AdminPassword { get; set; } = "";

    [Display(Name = "Confirm the password")]
    [DataType(DataType.Password)]
    public string AdminPasswordConfirmation { get; set; } = "";

    /// <summary>The start of every link in the organisation's e-mails; empty: the address this page was opened at.</summary>
    [Display(Name = "Public address")]
    public string? BaseUrl { get; set; }

    [Display(Name = "Database")]
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    [Display(Name = "PostgreSQL connection string")]
    public string? ConnectionString { get; set; }

    /// <summary>The setup token of a tenant created by another tenant's administrator, carried by the link they were given.</summary>
    public string? Token { get; set; }

    public IReadOnlyList<Recipe> Recipes { get; set; } = [];
}
