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

/// <param name="Line">The line of the file where the row starts (the header is line 1).</param>
internal sealed record ImportRowError(int Line, string Field, string Reason);

internal sealed record ImportReport(bool DryRun, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors);

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
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxRows = 50_000;

    /// <summary>The author audited for what a recipe's people step changes (recipes run as administrators or the host operator).</summary>
    public const string RecipeAuthor = "recipe";
    private const int Batch = 2000;

    public static readonly string[] Columns = ["email", "userName", "displayName", "jobTitle", "department", "site", "manager", "skills", "languages"];

    private sealed class Row
    {
        public int Line { get; init; }

        public required string Email { get; init; }

        public required string NormalizedEmail { get; init; }

        public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? ExistingId { get; set; }

        public string Id { get; set; } = "";

        public string? ManagerId { get; set; }

        public string Get(string column) => Values.GetValueOrDefault(column, "");

        public bool Has(string column) => Values.ContainsKey(column);

        public IReadOnlyList<string> List(string column) =>
            [.. Get(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).DistinctBy(Folding.Tag)];
    }

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
        var rows = Parse(csv, errors);

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

        var report = await ApplyAsync(rows, dryRun, byUserId, cancellationToken);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return report with { Errors = errors, Rows = report.Rows + errors.Select(e => e.Line).Distinct().Count() };

        void Fail(Row row, string field, string reason)
        {
            errors.Add(new ImportRowError(row.Line, field, reason));
            rows.Remove(row);
        }
    }

    private List<Row> Parse(TextReader csv, List<ImportRowError> errors)
    {
        using var records = Csv.Read(csv).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidInputException("file", T["The file is empty: it needs a header line, e.g. {0}.", string.Join(",", Columns)]);
        }

        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var unknown = header.FirstOrDefault(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new InvalidInputException("file", T["Unknown column '{0}'; the columns are: {1}.", unknown, string.Join(", ", Columns)]);
        }

        if (!header.Contains("email", StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidInputException("file", T["The header must have an 'email' column."]);
        }

        var rows = new List<Row>();
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (rows.Count + errors.Count >= MaxRows)
            {
                throw new InvalidInputException("file", T["At most {0} rows in one file.", MaxRows]);
            }

            if (fields.Count != header.Count)
            {
                errors.Add(new ImportRowError(line, "line", T["{0} fields where the header has {1}.", fields.Count, header.Count]));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = fields[i].Trim();
            }

            if (RowProblem(values) is { } problem)
            {
                errors.Add(new ImportRowError(line, problem.Field, problem.Reason));
                continue;
            }

            var email = values["email"];
            var normalizedEmail = userManager.NormalizeEmail(email);
            if (emails.TryGetValue(normalizedEmail, out var first))
            {
                errors.Add(new ImportRowError(line, "email", T["The e-mail '{0}' is already on line {1}.", email, first]));
                continue;
            }

            if (values.GetValueOrDefault("userName") is { Length: > 0 } userName && names.TryGetValue(userManager.NormalizeName(userName), out var firstName))
            {
                errors.Add(new ImportRowError(line, "userName", T["The user name '{0}' is already on line {1}.", userName, firstName]));
                continue;
            }

            emails[normalizedEmail] = line;
            if (values.GetValueOrDefault("userName") is { Length: > 0 } name)
            {
                names[userManager.NormalizeName(name)] = line;
            }

            var row = new Row { Line = line, Email = email, NormalizedEmail = normalizedEmail };
            foreach (var (key, value) in values)
            {
                row.Values[key] = value;
            }

            rows.Add(row);
        }

        return rows;
    }

    private (string Field, string Reason)? RowProblem(Dictionary<string, string> values)
    {
        var email = values.GetValueOrDefault("email", "");
        if (email.Length == 0 || email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return ("email", email.Length == 0 ? T["The e-mail is required."] : T["'{0}' is not a valid e-mail address.", email]);
        }

        var userName = values.GetValueOrDefault("userName", "");
        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        if (userName.Length > 256 || userName.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            return ("userName", T["A user name has at most 256 letters, digits and - . _ @ +."]);
        }

        foreach (var field in new[] { "displayName", "jobTitle", "department", "site" })
        {
            if (values.GetValueOrDefault(field)?.Length > ProfileService.MaxText)
            {
                return (field, T["At most {0} characters.", ProfileService.MaxText]);
            }
        }

        var manager = values.GetValueOrDefault("manager", "");
        if (manager.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(manager, out _))
        {
            return ("manager", T["'{0}' is not a valid e-mail address.", manager]);
        }

        if (manager.Length > 0 && string.Equals(manager, email, StringComparison.OrdinalIgnoreCase))
        {
            return ("manager", T["A person cannot be their own manager."]);
        }

        foreach (var (field, count, length) in new[] { ("skills", 30, 60), ("languages", 10, 40) })
        {
            var tags = values.GetValueOrDefault(field, "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tags.Length > count || tags.Any(t => t.Length > length))
            {
                return (field, T["At most {0} entries of at most {1} characters, separated by ';'.", count, length]);
            }
        }

        return null;
    }

    /// <summary>Managers are looked up among the good rows and the existing people; a row whose manager is missing fails, and so on down.</summary>
    private void ResolveManagers(List<Row> rows, Dictionary<string, string> idByEmail, List<ImportRowError> errors)
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

    private async Task<ImportReport> ApplyAsync(List<Row> rows, bool dryRun, string byUserId, CancellationToken cancellationToken)
    {
        var creating = rows.Where(r => r.ExistingId is null).ToList();
        var updating = rows.Where(r => r.ExistingId is not null).ToList();
        var changed = 0;
        var placed = new List<string>();
        await using var transaction = dryRun || db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(cancellationToken);

        foreach (var batch in updating.Chunk(500))
        {
            var ids = batch.Select(r => r.Id).ToList();
            var users = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
            var terms = (await db.Terms.Where(t => ids.Contains(t.UserId) && (t.Kind == PersonTerm.Skill || t.Kind == PersonTerm.Language)).ToListAsync(cancellationToken)).ToLookup(t => t.UserId);
            foreach (var row in batch)
            {
                var user = users[row.Id];
                var (department, site) = (user.Department, user.Site);
                if (Set(row, "displayName", user.DisplayName, v => user.DisplayName = v.Length == 0 ? user.UserName! : v)
                    | Set(row, "jobTitle", user.JobTitle, v => user.JobTitle = NullIfEmpty(v))
                    | Set(row, "department", user.Department, v => user.Department = NullIfEmpty(v))
                    | Set(row, "site", user.Site, v => user.Site = NullIfEmpty(v))
                    | (row.Has("manager") && row.ManagerId != user.ManagerId && SetManager(user, row.ManagerId))
                    | SyncTerms(row, "skills", PersonTerm.Skill, terms[row.Id])
                    | SyncTerms(row, "languages", PersonTerm.Language, terms[row.Id]))
                {
                    changed++;
                    user.ConcurrencyStamp = Guid.NewGuid().ToString();
                }

                if (user.Department != department || user.Site != site)
                {
                    placed.Add(user.Id);
                    ProfileService.AuditPlacement(db, user, department, site, byUserId, clock.GetUtcNow().UtcDateTime);
                }
            }

            if (!dryRun)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        if (!dryRun)
        {
            var employeeRole = BuiltInRoles.Employee.ToUpperInvariant();
            var employeeRoleId = await db.Roles.Where(r => r.NormalizedName == employeeRole).Select(r => r.Id).FirstAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var batch in creating.Chunk(Batch))
            {
                foreach (var row in batch)
                {
                    var userName = row.Get("userName");
                    var displayName = row.Get("displayName");
                    db.Users.Add(new User
                    {
                        Id = row.Id,
                        UserName = userName,
                        NormalizedUserName = userManager.NormalizeName(userName),
                        Email = row.Email,
                        NormalizedEmail = row.NormalizedEmail,
                        EmailConfirmed = true,
                        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                        ConcurrencyStamp = Guid.NewGuid().ToString(),
                        LockoutEnabled = true,
                        DisplayName = displayName.Length == 0 ? userName : displayName,
                        JobTitle = NullIfEmpty(row.Get("jobTitle")),
                        Department = NullIfEmpty(row.Get("department")),
                        Site = NullIfEmpty(row.Get("site")),
                        ManagerId = row.ManagerId,
                        CreatedUtc = now,
                    });
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = row.Id, RoleId = employeeRoleId });
                    SyncTerms(row, "skills", PersonTerm.Skill, []);
                    SyncTerms(row, "languages", PersonTerm.Language, []);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            placed.AddRange(creating.Select(r => r.Id));
            if (placed.Count > 0)
            {
                await events.PublishAsync(new PeoplePlaced(placed), cancellationToken);
            }
        }

        return new ImportReport(dryRun, rows.Count, creating.Count, changed, updating.Count - changed, []);
    }

    private static bool Set(Row row, string column, string? current, Action<string> apply)
    {
        if (!row.Has(column) || string.Equals(row.Get(column), current ?? "", StringComparison.Ordinal)
            || (column == "displayName" && row.Get(column).Length == 0))
        {
            return false;
        }

        apply(row.Get(column));
        return true;
    }

    private static bool SetManager(User user, string? managerId)
    {
        user.ManagerId = managerId;
        return true;
    }

    /// <summary>Makes the person's tags of one kind those of the row; true when anything changed.</summary>
    private bool SyncTerms(Row row, string column, string kind, IEnumerable<PersonTerm> current)
    {
        if (!row.Has(column))
        {
            return false;
        }

        var wanted = row.List(column).Where(t => Folding.Tag(t).Length > 0).ToDictionary(Folding.Tag, t => t, StringComparer.Ordinal);
        var changed = false;
        foreach (var term in current.Where(t => t.Kind == kind))
        {
            if (wanted.Remove(term.Value, out var display))
            {
                if (term.Display != display)
                {
                    term.Display = display;
                    changed = true;
                }
            }
            else
            {
                db.Terms.Remove(term);
                changed = true;
            }
        }

        foreach (var (value, display) in wanted)
        {
            db.Terms.Add(new PersonTerm { UserId = row.Id, Kind = kind, Value = value, Display = display });
            changed = true;
        }

        return changed;
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

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
