using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.Controllers;

internal sealed class SignInViewModel
{
    [Required(ErrorMessage = "Enter your user name or e-mail.")]
    [Display(Name = "User name or e-mail")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The organisation lets people register (a link to the form).</summary>
    public bool CanRegister { get; set; }

    /// <summary>The password was right but the address is not confirmed yet: offer to send the link again.</summary>
    public string? UnconfirmedEmail { get; set; }
}
