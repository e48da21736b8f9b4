using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Identity's messages (password rules, user name and e-mail checks, roles) in the request's language. The codes are
/// Identity's own, so code that tests <see cref="IdentityError.Code"/> is unaffected.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<ModuleResources> T) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), T["An unknown failure has occurred."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), T["Someone else changed this record at the same time; try again."]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), T["Incorrect password."]);

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), T["Invalid token."]);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), T["The recovery code could not be used."]);

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), T["A user with this login already exists."]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), T["The user name '{0}' is invalid: use only letters, digits and - . _ @ +.", userName ?? ""]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), T["The e-mail address '{0}' is invalid.", email ?? ""]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), T["The user name '{0}' is already taken.", userName]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), T["The e-mail address '{0}' is already used by another account.", email]);

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), T["The role name '{0}' is invalid.", role ?? ""]);

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), T["The role name '{0}' is already taken.", role]);

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), T["This user already has a password."]);

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), T["Lockout is not enabled for this user."]);

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), T["The user is already in the role '{0}'.", role]);

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), T["The user is not in the role '{0}'.", role]);

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), T["The password must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), T["The password must use at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), T["The password must contain at least one character that is neither a letter nor a digit."]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), T["The password must contain at least one digit (0-9)."]);

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), T["The password must contain at least one lower-case letter (a-z)."]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), T["The password must contain at least one upper-case letter (A-Z)."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
