using System.Security.Claims;
using InternalSocial.Newsletter.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Who takes the newsletter: everyone but those who opted out, by a mail's unsubscribe link (the recipient's token is
/// the proof) or by their own switch when signed in.
/// </summary>
internal sealed class NewsletterSubscriptions(NewsletterDbContext db, TimeProvider clock)
{
    /// <summary>True when the token is a recipient's; that person then gets no newsletter any more.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var recipient = token is not null && RecipientTokens.IsWellFormed(token) ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, cancellationToken) : null;
        if (recipient is null)
        {
            return false;
        }

        await OptOutAsync(recipient.UserId, cancellationToken);
        return true;
    }

    /// <summary>Whether the signed-in person receives the newsletter (they do unless they unsubscribed).</summary>
    public async Task<bool> IsSubscribedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        return !await db.OptOuts.AsNoTracking().AnyAsync(o => o.UserId == userId, cancellationToken);
    }

    /// <summary>The signed-in person's own choice: receive the newsletter again, or stop it (as the mails' link does).</summary>
    public async Task SetSubscribedAsync(ClaimsPrincipal user, bool subscribed, CancellationToken cancellationToken)
    {
        var userId = SignedIn(user);
        if (subscribed)
        {
            await db.OptOuts.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        await OptOutAsync(userId, cancellationToken);
    }

    private async Task OptOutAsync(string userId, CancellationToken cancellationToken)
    {
        if (await db.OptOuts.AnyAsync(o => o.UserId == userId, cancellationToken))
        {
            return;
        }

        db.OptOuts.Add(new OptOut { UserId = userId, OptedOutUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same choice twice at once: one row.
            db.ChangeTracker.Clear();
        }
    }

    private static string SignedIn(ClaimsPrincipal user) =>
        EditionService.UserId(user) is { Length: > 0 } userId ? userId : throw new InvalidOperationException("Only a signed-in person has a newsletter subscription.");
}
