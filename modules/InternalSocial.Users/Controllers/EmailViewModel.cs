using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.Controllers;

/// <summary>One e-mail address field: forgotten password, confirmation link again.</summary>
internal sealed class EmailViewModel
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}
