using System.Security.Claims;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Everything the charter's pages, API and gate do: reading one's charter, accepting, publishing versions and the
/// acceptances list. Checks permissions and input on every call.
/// </summary>
internal sealed class CharterService
{
    public Task<CharterForMe?> GetForMeAsync(ClaimsPrincipal user, string language, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task AcceptAsync(ClaimsPrincipal user, int version, string language, string method, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task DeclineAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<CharterVersionSummary>> VersionsAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<CharterVersionDetail> VersionAsync(ClaimsPrincipal user, string audience, int number, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<CharterVersionDetail?> CurrentAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<int> PublishAsync(ClaimsPrincipal user, CharterPublishInput input, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<AcceptancePage> AcceptancesAsync(ClaimsPrincipal user, string audience, int version, string status, string? after, int take, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<CharterCsv> AcceptancesCsvAsync(ClaimsPrincipal user, string audience, int version, string status, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<int> RemindPendingAsync(ClaimsPrincipal user, string audience, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
