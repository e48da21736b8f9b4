using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Creates and updates people from a CSV file, keyed by e-mail. Every row is checked first, managers are resolved
/// once all rows are known (a manager may come later in the file), then everything is written in one transaction
/// with batched inserts; a dry run stops before writing. Imported accounts have no password: they get one when
/// invited or through a password reset.
/// </summary>
internal sealed class PeopleImportService(
    UsersDbContext db,
    UserManager<User> userManager,
    IAuthorizationService authorization,
    AccountPrivilege privilege,
    PeopleImportParser parser,
    PeopleImportWriter writer,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxRows = 50_000;

    /// <summary>The author audited for what a recipe's people step changes (recipes run as administrators or the host operator).</summary>
    public const string RecipeAuthor = "recipe";

    public static readonly string[] Columns = ["email", "userName", "displayName", "jobTitle", "department", "site", "manager", "skills", "languages"];

    public async Task<ImportReport> ImportAsync(ClaimsPrincipal admin, TextReader csv, bool dryRun, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(admin, Permissions.ManageUsers);
        // New rows become employees: nobody creates accounts holding more than they do.
        await privilege.EnsureMayGrantAsync(admin, [BuiltInRoles.Employee], cancellationToken);
        return await ImportTrustedAsync(csv, dryRun, admin.FindUserId()!, cancellationToken, await privilege.ProtectedAccountsAsync(admin, cancellationToken));
    }

    /// <summary>
    /// The import without a permission check, for recipes (whose step declares what its runner must hold).
    /// </summary>
    /// <param name="byUserId">Who imports, for the audit; a recipe is audited as <see cref="RecipeAuthor"/>.</param>
    /// <param name="untouchable">Accounts that rows may not update: each such row fails, naming the reason.</param>
    internal async Task<ImportReport> ImportTrustedAsync(TextReader csv, bool dryRun, string byUserId, CancellationToken cancellationToken, IReadOnlySet<string>? untouchable = null)
    {
        var errors = new List<ImportRowError>();
        var rows = parser.Parse(csv, errors);

        // Who exists already, by e-mail and by user name: one query.
        var existing = await db.Users.AsNoTracking().Where(u => u.ErasedUtc == null)
            .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(cancellationToken);
        var idByEmail = existing.Where(u => u.NormalizedEmail != null).GroupBy(u => u.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First().Id);
        var takenNames = existing.Where(u => u.NormalizedUserName != null).ToDictionary(u => u.NormalizedUserName!, u => u.Id);

        foreach (var row in rows.ToList())
        {
            row.ExistingId = idByEmail.GetValueOrDefault(row.NormalizedEmail);
            if (row.ExistingId is { } existingId && untouchable?.Contains(existingId) == true)
            {
                Fail(row, "email", T["This person holds permissions you do not hold: only someone holding all of them may change their account."]);
                continue;
            }

            row.Id = row.ExistingId ?? Guid.NewGuid().ToString();
            if (row.ExistingId is null)
            {
                var userName = row.Get("userName").Trim();
                if (userName.Length == 0)
                {
                    userName = UniqueUserName(row.Email, takenNames);
                }
                else if (takenNames.ContainsKey(userManager.NormalizeName(userName)))
                {
                    Fail(row, "userName", T["The user name '{0}' is already taken.", userName]);
                    continue;
                }

                row.Values["userName"] = userName;
                takenNames[userManager.NormalizeName(userName)] = row.Id;
            }
        }

        ResolveManagers(rows, idByEmail, errors);

        var report = await writer.ApplyAsync(rows, dryRun, byUserId, cancellationToken);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return report with { Errors = errors, Rows = report.Rows + errors.Select(e => e.Line).Distinct().Count() };

        void Fail(ImportRow row, string field, string reason)
        {
            errors.Add(new ImportRowError(row.Line, field, reason));
            rows.Remove(row);
        }
    }

    /// <summary>Managers are looked up among the good rows and the existing people; a row whose manager is missing fails, and so on down.</summary>
    private void ResolveManagers(List<ImportRow> rows, Dictionary<string, string> idByEmail, List<ImportRowError> errors)
    {
        bool removed;
        do
        {
            removed = false;
            var inFile = rows.ToDictionary(r => r.NormalizedEmail, r => r.Id, StringComparer.Ordinal);
            foreach (var row in rows.ToList())
            {
                var manager = row.Get("manager");
                if (manager.Length == 0)
                {
                    row.ManagerId = null;
                    continue;
                }

                var normalized = userManager.NormalizeEmail(manager);
                row.ManagerId = inFile.GetValueOrDefault(normalized) ?? idByEmail.GetValueOrDefault(normalized);
                if (row.ManagerId is null)
                {
                    errors.Add(new ImportRowError(row.Line, "manager", T["No person with the e-mail '{0}', in the file or already here.", manager]));
                    rows.Remove(row);
                    removed = true;
                }
            }
        }
        while (removed);
    }

    private string UniqueUserName(string email, Dictionary<string, string> taken)
    {
        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        var local = new string([.. email.Split('@')[0].Where(c => allowed.Contains(c, StringComparison.Ordinal))]);
        local = local.Length == 0 ? "person" : local[..Math.Min(local.Length, 60)];
        var candidate = local;
        for (var i = 2; taken.ContainsKey(userManager.NormalizeName(candidate)); i++)
        {
            candidate = local + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
