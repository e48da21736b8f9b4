using System.Globalization;
using System.Text;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Services;

/// <summary>Who accepted a version and who has not yet, a page at a time or whole as CSV; no permission checks.</summary>
internal sealed class AcceptancesReader(CharterDbContext db, CharterVersions versions, PendingPeople pending, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    public const string Accepted = "accepted";
    public const string Pending = "pending";
    public const int MaxTake = 500;

    /// <summary>The version asked for, or with <paramref name="number"/> 0 the one people must accept now (the latest of the editorial charter).</summary>
    public async Task<CharterVersion> ResolveAsync(string audience, int number, CancellationToken cancellationToken)
    {
        if (!CharterAudiences.IsKnown(audience))
        {
            throw new InvalidInputException("audience", T["The audience must be one of: {0}.", string.Join(", ", CharterAudiences.All)]);
        }

        if (number <= 0 && (await versions.GatesAsync(cancellationToken)).TryGetValue(audience, out var gate))
        {
            number = gate.MaterialNumber;
        }

        var version = number > 0 ? await versions.FindAsync(audience, number, cancellationToken) : await versions.LatestAsync(audience, cancellationToken);
        return version ?? throw new NotFoundException(T["No version {0} of the {1} charter.", number, audience]);
    }

    public async Task<AcceptancePage> PageAsync(CharterVersion version, string status, string? after, int take, CancellationToken cancellationToken)
    {
        take = Math.Clamp(take, 1, MaxTake);
        switch (status)
        {
            case Accepted:
                return await AcceptedPageAsync(version, after, take, cancellationToken);
            case Pending:
                var open = await versions.FromAsync(version.Audience, version.Number, cancellationToken);
                var page = await pending.PageAsync(version.Audience, open, after, take + 1, cancellationToken);
                var rows = page.Take(take).Select(p => new AcceptanceRow(p.Id, p.UserName, p.DisplayName, null, null, null, null)).ToList();
                return new AcceptancePage(rows, page.Count > take ? rows[^1].UserId : null);
            default:
                throw new InvalidInputException("status", T["The status must be accepted or pending."]);
        }
    }

    public async Task<CharterCsv> CsvAsync(CharterVersion version, string status, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder(CsvText.Row("userId", "userName", "displayName", "audience", "version", "language", "acceptedUtc", "method"));
        string? after = null;
        do
        {
            var page = await PageAsync(version, status, after, MaxTake, cancellationToken);
            foreach (var row in page.Items)
            {
                csv.Append(CsvText.Row(
                    row.UserId ?? "", row.UserName ?? "", row.DisplayName ?? "", version.Audience,
                    row.Version?.ToString(CultureInfo.InvariantCulture) ?? "", row.Language ?? "",
                    row.AcceptedUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "", row.Method ?? ""));
            }

            after = page.Next;
        }
        while (after is not null);
        return new CharterCsv($"charter-{version.Audience}-v{version.Number}-{status}.csv", csv.ToString());
    }

    /// <summary>Acceptances of this very version in the order they came; an erased person's row stays, without them.</summary>
    private async Task<AcceptancePage> AcceptedPageAsync(CharterVersion version, string? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Acceptances.AsNoTracking().Where(a => a.VersionId == version.Id);
        if (after is not null)
        {
            var afterId = long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InvalidInputException("after", T["The cursor is not valid."]);
            query = query.Where(a => a.Id > afterId);
        }

        var rows = await query.OrderBy(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var shown = rows.Take(take).ToList();
        var names = await people.GetByIdsAsync([.. shown.Where(a => a.UserId is not null).Select(a => a.UserId!).Distinct()], cancellationToken);
        var items = shown.Select(a =>
        {
            var person = a.UserId is null ? null : names.GetValueOrDefault(a.UserId);
            return new AcceptanceRow(a.UserId, person?.UserName, person?.DisplayName, version.Number, a.Language, a.AcceptedUtc, a.Method);
        }).ToList();
        return new AcceptancePage(items, rows.Count > take ? shown[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }
}
