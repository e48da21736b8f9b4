using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.Controllers;

internal sealed class TwoFactorViewModel
{
    [Required(ErrorMessage = "Enter the code.")]
    [Display(Name = "Code from your authenticator app, or a recovery code")]
    public string Code { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
