using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

internal sealed record UserSummary(string Id, string UserName, string? Email, string DisplayName, IReadOnlyList<string> Roles, bool IsLockedOut);

/// <summary>A page of people, and the cursor of the next page (null on the last one).</summary>
internal sealed record UserPage(IReadOnlyList<UserSummary> Users, string? NextCursor);

/// <summary>
/// Accounts created by administrators, and the roles people hold. Creating accounts needs
/// <see cref="Permissions.ManageUsers"/>; changing anyone's roles needs <see cref="Permissions.ManageRoles"/>. Nobody
/// gives a role holding a permission they lack, nor changes the roles of someone holding one (<see cref="AccountPrivilege"/>).
/// </summary>
internal sealed class UsersAdminService(
    UsersDbContext db,
    UserManager<User> userManager,
    RoleManager<Role> roleManager,
    IAuthorizationService authorization,
    AccountPrivilege privilege,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 50;

    /// <summary>People whose user name, display name or e-mail contains <paramref name="query"/>, by user name, after the cursor.</summary>
    public async Task<UserPage> ListAsync(ClaimsPrincipal user, string? query, string? cursor, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var pattern = $"%{query.Trim().ToUpperInvariant()}%";
            users = users.Where(u => EF.Functions.Like(u.NormalizedUserName!, pattern) || EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern));
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            users = users.Where(u => string.Compare(u.NormalizedUserName, cursor) > 0);
        }

        var page = await users.OrderBy(u => u.NormalizedUserName).Take(PageSize + 1).ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var ids = shown.Select(u => u.Id).ToList();
        // One query for the roles of the whole page.
        var roles = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where ids.Contains(userRole.UserId)
            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new UserPage(
            [.. shown.Select(u => new UserSummary(u.Id, u.UserName!, u.Email, u.DisplayName,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
                u.LockoutEnd > now))],
            page.Count > PageSize ? shown[^1].NormalizedUserName : null);
    }

    /// <exception cref="InvalidInputException">A bad field, named.</exception>
    /// <exception cref="ConflictException">The user name or e-mail is taken.</exception>
    public async Task<UserSummary> CreateAsync(ClaimsPrincipal user, string? userName, string? email, string? displayName, string? password, IReadOnlyCollection<string>? roles, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageUsers);
        ValidateNewAccount(userName, email, displayName, password);
        await EnsureNotTakenAsync(userName!, email!);

        // New accounts are employees unless other roles are given (which needs the right to manage roles); either
        // way, nobody creates an account holding more than they do.
        var roleNames = roles is { Count: > 0 } ? roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : [BuiltInRoles.Employee];
        if (roles is { Count: > 0 })
        {
            await EnsureKnownRolesAsync(user, roleNames);
        }

        await privilege.EnsureMayGrantAsync(user, roleNames, cancellationToken);

        var account = new User
        {
            UserName = userName!.Trim(),
            Email = email!.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await userManager.CreateAsync(account, password!);
        if (!created.Succeeded)
        {
            throw new InvalidInputException(created.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description))));
        }

        await userManager.AddToRolesAsync(account, roleNames);
        await events.PublishAsync(new PeoplePlaced([account.Id]), cancellationToken);

        return new UserSummary(account.Id, account.UserName, account.Email, account.DisplayName, roleNames, IsLockedOut: false);
    }

    private void ValidateNewAccount(string? userName, string? email, string? displayName, string? password)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors["userName"] = T["The user name is required."];
        }

        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors["email"] = T["A valid e-mail address is required."];
        }

        if (displayName?.Length > 200)
        {
            errors["displayName"] = T["The display name must be at most 200 characters."];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = T["A first password is required; the person changes it later."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }

    private async Task EnsureNotTakenAsync(string userName, string email)
    {
        if (await userManager.FindByNameAsync(userName) is not null)
        {
            throw new ConflictException(T["userName: the user name '{0}' is already taken.", userName]);
        }

        if (await userManager.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException(T["email: the e-mail '{0}' is already used by another account.", email]);
        }
    }

    /// <summary>Gives a person exactly these roles.</summary>
    public async Task SetRolesAsync(ClaimsPrincipal user, string userId, IReadOnlyCollection<string>? roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var wanted = (roles ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Any change, an empty list (taking every role away) included, needs the right to manage roles.
        await EnsureKnownRolesAsync(user, wanted);
        var account = await userManager.FindByIdAsync(userId) ?? throw new NotFoundException(T["No person with id '{0}'.", userId]);
        await privilege.EnsureMayChangeAsync(user, account.Id, cancellationToken);
        var current = await userManager.GetRolesAsync(account);
        if (account.Id == user.FindUserId()
            && current.Contains(BuiltInRoles.Administrator) && !wanted.Contains(BuiltInRoles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConflictException(T["You cannot take the Administrator role away from yourself: ask another administrator."]);
        }

        var removing = current.Where(r => !wanted.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var adding = wanted.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        await privilege.EnsureMayGrantAsync(user, adding, cancellationToken);
        if (removing.Count > 0)
        {
            await userManager.RemoveFromRolesAsync(account, removing);
        }

        if (adding.Count > 0)
        {
            await userManager.AddToRolesAsync(account, adding);
        }

        // Signed-in sessions pick up the new roles at their next security check.
        await userManager.UpdateSecurityStampAsync(account);
        if (removing.Count + adding.Count > 0)
        {
            await events.PublishAsync(new PeoplePlaced([account.Id]), cancellationToken);
        }
    }

    private async Task EnsureKnownRolesAsync(ClaimsPrincipal user, IReadOnlyCollection<string> roles)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageRoles);
        var unknown = new List<string>();
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                unknown.Add(role);
            }
        }

        if (unknown.Count > 0)
        {
            throw new InvalidInputException("roles", T["Unknown roles: {0}.", string.Join(", ", unknown)]);
        }
    }
}
