using System.Security.Claims;
using InternalSocial.Charter.Events;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Everything the charter's pages, API and gate do: reading one's charter, accepting, publishing versions and the
/// acceptances list. Checks permissions and input on every call. Acceptances are only ever added here.
/// </summary>
internal sealed class CharterService(
    CharterDbContext db,
    CharterVersions versions,
    CharterGateCheck gate,
    CharterPublisher publisher,
    AcceptancesReader acceptances,
    PendingPeople pending,
    IPeopleLookup people,
    IAuthorizationService authorization,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public async Task<CharterForMe?> GetForMeAsync(ClaimsPrincipal user, string language, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        var audience = await gate.AudienceOfAsync(userId, cancellationToken);
        if (await versions.LatestAsync(audience, cancellationToken) is not { } latest)
        {
            return null;
        }

        var texts = await versions.TextsAsync(latest.Id, cancellationToken);
        var shown = Language(texts, language);
        var gates = await versions.GatesAsync(cancellationToken);
        var accepted = await versions.AcceptedAnyAsync(userId, gates.TryGetValue(audience, out var current) ? current.OpenVersionIds : [latest.Id], cancellationToken);
        return new CharterForMe(latest.Number, audience, latest.Material, shown, texts[shown], texts, accepted, latest.PublishedUtc);
    }

    /// <summary>Records the acceptance of the current version of the person's audience; accepting it again records nothing more.</summary>
    public async Task AcceptAsync(ClaimsPrincipal user, int version, string language, string method, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        if (!AcceptanceMethods.IsKnown(method))
        {
            throw new InvalidInputException("method", T["The method must be page, api or sso."]);
        }

        var audience = await gate.AudienceOfAsync(userId, cancellationToken);
        var latest = await versions.LatestAsync(audience, cancellationToken)
            ?? throw new ConflictException(T["There is no charter to accept: none has been published for you."]);
        if (latest.Number != version)
        {
            throw new ConflictException(T["Version {0} is not the current version of your charter; read the current one and accept it.", version]);
        }

        if (await db.Acceptances.AnyAsync(a => a.VersionId == latest.Id && a.UserId == userId, cancellationToken))
        {
            return;
        }

        var acceptance = new CharterAcceptance
        {
            VersionId = latest.Id,
            UserId = userId,
            Language = Language(await versions.TextsAsync(latest.Id, cancellationToken), language),
            AcceptedUtc = clock.GetUtcNow().UtcDateTime,
            Method = method,
        };
        db.Acceptances.Add(acceptance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click: the other request recorded it (the unique index on version and person said so).
            db.Entry(acceptance).State = EntityState.Detached;
            if (await db.Acceptances.AsNoTracking().AnyAsync(a => a.VersionId == latest.Id && a.UserId == userId, cancellationToken))
            {
                return;
            }

            throw;
        }

        gate.Forget();
        await events.PublishAsync(new CharterAccepted(userId, audience, latest.Number, acceptance.Language, method, acceptance.AcceptedUtc), cancellationToken);
    }

    /// <summary>
    /// Records nothing: declining leaves the person without an acceptance, which is all the gate and the proof need
    /// (docs/charter.md, "Data and erasure"). The caller signs the person out.
    /// </summary>
    public Task DeclineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        SignedIn(user);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<CharterVersionSummary>> VersionsAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken)
    {
        await EnsureReaderAsync(user, audience, cancellationToken);
        var rows = await db.Versions.AsNoTracking().Where(v => v.Audience == audience).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Material, v.PublishedUtc, v.PublishedBy, Accepted = db.Acceptances.Count(a => a.VersionId == v.Id) })
            .ToListAsync(cancellationToken);
        var names = await people.GetByIdsAsync([.. rows.Select(r => r.PublishedBy).Distinct()], cancellationToken);
        return [.. rows.Select(r => new CharterVersionSummary(r.Number, audience, r.Material, r.PublishedUtc, names.GetValueOrDefault(r.PublishedBy)?.DisplayName ?? r.PublishedBy, r.Accepted))];
    }

    public async Task<CharterVersionDetail> VersionAsync(ClaimsPrincipal user, string audience, int number, CancellationToken cancellationToken)
    {
        await EnsureReaderAsync(user, audience, cancellationToken);
        var version = await versions.FindAsync(audience, number, cancellationToken) ?? throw new NotFoundException(T["No version {0} of the {1} charter.", number, audience]);
        return await versions.DetailAsync(version, cancellationToken);
    }

    public async Task<CharterVersionDetail?> CurrentAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken)
    {
        await EnsureReaderAsync(user, audience, cancellationToken);
        return await versions.LatestAsync(audience, cancellationToken) is { } latest ? await versions.DetailAsync(latest, cancellationToken) : null;
    }

    public async Task<int> PublishAsync(ClaimsPrincipal user, CharterPublishInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        return (await publisher.PublishAsync(input, user.GetUserId(), unlessSame: false, cancellationToken))!.Value;
    }

    public async Task<AcceptancePage> AcceptancesAsync(ClaimsPrincipal user, string audience, int version, string status, string? after, int take, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        return await acceptances.PageAsync(await acceptances.ResolveAsync(audience, version, cancellationToken), status, after, take, cancellationToken);
    }

    /// <summary>How many have accepted neither the version nor a later one, as the pending list would count them.</summary>
    public async Task<int> PendingCountAsync(ClaimsPrincipal user, string audience, int version, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        var resolved = await acceptances.ResolveAsync(audience, version, cancellationToken);
        return await pending.CountAsync(resolved.Audience, await versions.FromAsync(resolved.Audience, resolved.Number, cancellationToken), cancellationToken);
    }

    public async Task<CharterCsv> AcceptancesCsvAsync(ClaimsPrincipal user, string audience, int version, string status, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        return await acceptances.CsvAsync(await acceptances.ResolveAsync(audience, version, cancellationToken), status, cancellationToken);
    }

    /// <summary>Reminds everyone of the audience who has not accepted the version that gates them; returns how many.</summary>
    public async Task<int> RemindPendingAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageCharter);
        if (!CharterAudiences.IsKnown(audience))
        {
            throw new InvalidInputException("audience", T["The audience must be one of: {0}.", string.Join(", ", CharterAudiences.All)]);
        }

        if (!(await versions.GatesAsync(cancellationToken)).TryGetValue(audience, out var current))
        {
            return 0;
        }

        var ids = await pending.AllIdsAsync(audience, current.OpenVersionIds, cancellationToken);
        if (ids.Count > 0)
        {
            await events.PublishAsync(new CharterRemindersRequested(audience, current.CurrentNumber, ids, user.GetUserId()), cancellationToken);
        }

        return ids.Count;
    }

    public async Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await gate.GateAsync(user, cancellationToken) is null;

    /// <summary>The language asked for when the version has it (<c>fr-CA</c> finds <c>fr</c>), else English.</summary>
    private static string Language(IReadOnlyDictionary<string, string> texts, string? asked)
    {
        var wanted = (asked ?? "").Trim().ToLowerInvariant();
        if (texts.ContainsKey(wanted))
        {
            return wanted;
        }

        var dash = wanted.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && texts.ContainsKey(wanted[..dash]) ? wanted[..dash] : "en";
    }

    private string SignedIn(ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new PermissionDeniedException(Permissions.ManageCharter, T["Sign in to read and accept the charter."]);

    /// <summary>Everyone reads the editorial charter and their own audience's; managers read them all.</summary>
    private async Task EnsureReaderAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken)
    {
        if (!CharterAudiences.IsKnown(audience))
        {
            throw new InvalidInputException("audience", T["The audience must be one of: {0}.", string.Join(", ", CharterAudiences.All)]);
        }

        var userId = SignedIn(user);
        if (audience != CharterAudiences.Editorial && audience != await gate.AudienceOfAsync(userId, cancellationToken)
            && !await authorization.HasPermissionAsync(user, Permissions.ManageCharter))
        {
            throw new PermissionDeniedException(Permissions.ManageCharter, T["This charter is for other people."]);
        }
    }
}
