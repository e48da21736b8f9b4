using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InternalSocial.Groups.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>
/// Names and addresses (slugs) of groups, chosen so that neither tells anyone that a secret group exists.
/// <list type="bullet">
/// <item>Names are unique among public and private groups, which everyone sees in the directory anyway. A secret
/// group's name is compared with those only: it never makes anyone else's name "taken", so the 409 of a taken name
/// can only be about a group the caller can see.</item>
/// <item>A secret group never holds a readable address: it gets its name's address plus a random part
/// (<c>apollo-kxwqzmbtra</c>). Readable addresses, and their "-2", "-3" successors, therefore depend only on
/// public and private groups. (A recipe keeps the address it names a group by: its author chooses it.)</item>
/// </list>
/// </summary>
internal static class GroupNames
{
    public const int MaxSlugLength = 80;
    private const int SecretPartLength = 10;
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Slugs that are page names under /groups.</summary>
    private static readonly string[] ReservedSlugs = ["new", "picker", "modules", "invitations"];

    /// <summary>"Équipe Lyon #2" → "equipe-lyon-2"; never all digits, so that a slug is never taken for an id.</summary>
    internal static string Slugify(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        return slug.Length == 0 || slug.All(char.IsAsciiDigit) || ReservedSlugs.Contains(slug) ? "group-" + slug : slug;
    }

    /// <summary>Whether a public or private group other than <paramref name="exceptId"/> has this name.</summary>
    public static Task<bool> IsTakenAsync(GroupsDbContext db, string name, long? exceptId, CancellationToken cancellationToken)
    {
        var normalized = name.ToUpperInvariant();
        return db.Groups.AnyAsync(g => g.NormalizedName == normalized && g.Id != exceptId && g.Visibility != GroupVisibility.Secret, cancellationToken);
    }

    /// <summary>A free address for a group: <paramref name="baseSlug"/>, else numbered; for a secret group, always with a random part.</summary>
    public static async Task<string> FreeSlugAsync(GroupsDbContext db, string baseSlug, long? exceptId, bool secret, CancellationToken cancellationToken)
    {
        if (secret)
        {
            string slug;
            do
            {
                slug = SecretSlug(baseSlug);
            }
            while (await db.Groups.AnyAsync(g => g.Slug == slug && g.Id != exceptId, cancellationToken));

            return slug;
        }

        var taken = await db.Groups.AsNoTracking().Where(g => g.Slug.StartsWith(baseSlug) && g.Id != exceptId).Select(g => g.Slug).ToListAsync(cancellationToken);
        var numbered = baseSlug;
        for (var i = 2; taken.Contains(numbered); i++)
        {
            numbered = $"{baseSlug}-{i}";
        }

        return numbered;
    }

    /// <summary>Letters only in the random part: it can never read as a "-2" numbering, nor make the slug all digits.</summary>
    public static string SecretSlug(string baseSlug)
    {
        var room = MaxSlugLength - SecretPartLength - 1;
        var stem = baseSlug.Length > room ? baseSlug[..room].TrimEnd('-') : baseSlug;
        return $"{stem}-{RandomNumberGenerator.GetString(Letters, SecretPartLength)}";
    }
}
