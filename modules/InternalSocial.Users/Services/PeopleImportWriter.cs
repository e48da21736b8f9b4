using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions.Events;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

/// <summary>
/// Writes an import's checked rows in one transaction: updates of existing people by batches, then new employees with
/// batched inserts; a dry run counts without writing. Department and site changes are audited and announced.
/// </summary>
internal sealed class PeopleImportWriter(UsersDbContext db, UserManager<User> userManager, IEventBus events, TimeProvider clock)
{
    private const int Batch = 2000;

    internal async Task<ImportReport> ApplyAsync(List<ImportRow> rows, bool dryRun, string byUserId, CancellationToken cancellationToken)
    {
        var creating = rows.Where(r => r.ExistingId is null).ToList();
        var updating = rows.Where(r => r.ExistingId is not null).ToList();
        var placed = new List<string>();
        await using var transaction = dryRun || db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await UpdateAsync(updating, dryRun, byUserId, placed, cancellationToken);
        if (!dryRun)
        {
            await CreateAsync(creating, cancellationToken);
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

    /// <summary>Updates the existing people of the rows; returns how many changed, and adds those placed elsewhere to <paramref name="placed"/>.</summary>
    private async Task<int> UpdateAsync(List<ImportRow> updating, bool dryRun, string byUserId, List<string> placed, CancellationToken cancellationToken)
    {
        var changed = 0;
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
                    PlacementAudit.Record(db, user, department, site, byUserId, clock.GetUtcNow().UtcDateTime);
                }
            }

            if (!dryRun)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return changed;
    }

    private async Task CreateAsync(List<ImportRow> creating, CancellationToken cancellationToken)
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
    }

    private static bool Set(ImportRow row, string column, string? current, Action<string> apply)
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
    private bool SyncTerms(ImportRow row, string column, string kind, IEnumerable<PersonTerm> current)
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

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
