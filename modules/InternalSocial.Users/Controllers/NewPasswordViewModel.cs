using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Users.Controllers;

internal sealed class NewPasswordViewModel
{
    public string UserId { get; set; } = "";

    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Enter your new password.")]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [Display(Name = "Confirm the new password")]
    [DataType(DataType.Password)]
    public string Confirmation { get; set; } = "";
}
