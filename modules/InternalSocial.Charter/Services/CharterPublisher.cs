using System.Text.RegularExpressions;
using InternalSocial.Charter.Events;
using InternalSocial.Charter.Migrations;
using InternalSocial.Charter.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.Services;

/// <summary>Checks and publishes new versions, for the API, the pages and the recipe step alike; no permission checks.</summary>
internal sealed partial class CharterPublisher(CharterDbContext db, CharterGateCache cache, IEventBus events, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    /// <summary>The languages every version must have: the interface's own.</summary>
    public static readonly IReadOnlyList<string> RequiredLanguages = ["en", "fr"];

    /// <summary>Problems by field (<c>audience</c>, <c>texts</c>, <c>texts.fr</c>); empty when the input may be published.</summary>
    public Dictionary<string, string> Validate(CharterPublishInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!CharterAudiences.IsKnown(input.Audience))
        {
            errors["audience"] = T["The audience must be one of: {0}.", string.Join(", ", CharterAudiences.All)];
        }

        foreach (var (language, text) in input.Texts ?? new Dictionary<string, string>())
        {
            if (!LanguageCode().IsMatch(language))
            {
                errors[$"texts.{language}"] = T["'{0}' is not a language code such as en, fr or pt-br.", language];
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors[$"texts.{language}"] = T["The text must not be empty."];
            }
            else if (text.Length > CreateCharter.MaxMarkdownLength)
            {
                errors[$"texts.{language}"] = T["The text must be at most {0} characters.", CreateCharter.MaxMarkdownLength];
            }
        }

        foreach (var language in RequiredLanguages.Where(l => input.Texts?.ContainsKey(l) != true))
        {
            errors[$"texts.{language}"] = T["A text in this language is required."];
        }

        return errors;
    }

    /// <summary>
    /// Publishes the next version of the audience and returns its number; with <paramref name="unlessSame"/>, publishes
    /// nothing and returns null when the texts equal the audience's latest version (a recipe run again).
    /// </summary>
    public async Task<int?> PublishAsync(CharterPublishInput input, string byUserId, bool unlessSame, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var texts = input.Texts.ToDictionary(t => t.Key, t => t.Value.Trim(), StringComparer.Ordinal);
        var latest = await db.Versions.AsNoTracking().Where(v => v.Audience == input.Audience).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (unlessSame && latest is not null && await SameTextsAsync(latest.Id, texts, cancellationToken))
        {
            return null;
        }

        // The first version of an audience is what people accept at all: it is material whatever the input says.
        var version = new CharterVersion
        {
            Audience = input.Audience,
            Number = (latest?.Number ?? 0) + 1,
            Material = input.Material || latest is null,
            PublishedUtc = clock.GetUtcNow().UtcDateTime,
            PublishedBy = byUserId,
        };
        version.Texts.AddRange(texts.Select(t => new CharterText { Language = t.Key, Markdown = t.Value }));
        db.Versions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another manager published the same number a moment before.
            throw new ConflictException(T["Another version of this charter was published meanwhile; reload and try again."]);
        }

        cache.Clear();
        await events.PublishAsync(new CharterVersionPublished(version.Audience, version.Number, version.Material, byUserId), cancellationToken);
        return version.Number;
    }

    private async Task<bool> SameTextsAsync(long versionId, Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        var stored = await db.Texts.AsNoTracking().Where(t => t.VersionId == versionId).ToListAsync(cancellationToken);
        return stored.Count == texts.Count && stored.All(t => texts.TryGetValue(t.Language, out var text) && text == t.Markdown);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
