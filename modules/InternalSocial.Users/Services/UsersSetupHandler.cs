using InternalSocial.Kernel.Security;
using InternalSocial.Kernel.Setup;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Creates the tenant's first administrator at setup, after checking the password against the policy. Messages are
/// in the request's language (Identity's come from <see cref="LocalizedIdentityErrorDescriber"/>).
/// </summary>
internal sealed class UsersSetupHandler(UserManager<User> userManager, TimeProvider clock, IStringLocalizer<ModuleResources> T) : ISetupEventHandler
{
    public async Task ValidateAsync(SetupContext context, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        var candidate = new User { UserName = context.AdminUserName, Email = context.AdminEmail };
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, candidate, context.AdminPassword);
            if (!result.Succeeded)
            {
                errors["adminPassword"] = string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        if (context.AdminUserName.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            errors["adminUserName"] = T["The user name may contain only letters, digits and - . _ @ +."];
        }
    }

    public async Task SetupAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admin = new User
        {
            UserName = context.AdminUserName,
            Email = context.AdminEmail,
            EmailConfirmed = true,
            DisplayName = context.AdminUserName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await userManager.CreateAsync(admin, context.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The administrator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await userManager.AddToRoleAsync(admin, BuiltInRoles.Administrator);
    }
}
