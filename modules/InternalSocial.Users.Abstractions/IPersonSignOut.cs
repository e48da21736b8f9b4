using Microsoft.AspNetCore.Http;

namespace InternalSocial.Users.Abstractions;

/// <summary>Signs the person of a request out on the server, for a module that must end their visit (declining the charter).</summary>
public interface IPersonSignOut
{
    /// <summary>
    /// Ends the request's browser session: its session is revoked, so a copy of the cookie is refused from then on, and
    /// the sign-in cookie is cleared. A request by personal access token has no session; its token is left as it is.
    /// </summary>
    Task SignOutAsync(HttpContext context, CancellationToken cancellationToken);
}
