using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Email.Controllers;

internal sealed class EmailSettingsViewModel
{
    [Display(Name = "SMTP server")]
    public string? Host { get; set; }

    [Display(Name = "Port")]
    public int? Port { get; set; }

    [Display(Name = "Security")]
    public string? Security { get; set; }

    [Display(Name = "User name")]
    public string? UserName { get; set; }

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Sender address")]
    public string? FromAddress { get; set; }

    [Display(Name = "Sender name")]
    public string? FromName { get; set; }

    public bool HasPassword { get; set; }
}
