using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.Controllers;

internal sealed class RegisterViewModel
{
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Confirm the password")]
    [DataType(DataType.Password)]
    public string Confirmation { get; set; } = "";

    /// <summary>The invitation's token when the form accepts an invitation (the e-mail is then the invitation's).</summary>
    public string? InvitationToken { get; set; }

    public IReadOnlyList<string> AllowedDomains { get; set; } = [];
}
