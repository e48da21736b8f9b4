using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// The add-ons other modules attach to posts (<see cref="IPostAddon"/>): the composer's fields, their check before the
/// post is saved, their attachment after, and which cards of a page show one.
/// </summary>
internal sealed class PostAddons(IEnumerable<IPostAddon> addons, IStringLocalizer<ModuleResources> T)
{
    /// <summary>The composer's names: <c>Composer.addons.poll.question</c>, reported as <c>addons.poll.question</c>.</summary>
    public const string FormPrefix = "Composer.addons.";

    private static readonly ILookup<long, Type> NoCards = Array.Empty<long>().ToLookup(id => id, _ => typeof(object));

    public IReadOnlyList<IPostAddon> All { get; } = [.. addons];

    /// <summary>The add-ons' fields of a composer form, by add-on key.</summary>
    public static IReadOnlyDictionary<string, PostAddonFields> FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Keys.Where(k => k.StartsWith(FormPrefix, StringComparison.Ordinal) && k.IndexOf('.', FormPrefix.Length) > FormPrefix.Length)
            .GroupBy(k => k[FormPrefix.Length..k.IndexOf('.', FormPrefix.Length)], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new PostAddonFields(g.ToDictionary(k => k[(FormPrefix.Length + g.Key.Length + 1)..], k => form[k], StringComparer.Ordinal)),
                StringComparer.Ordinal);
    }

    /// <summary>
    /// Checks every add-on the author filled in, adding their problems to the post's own (<c>addons.{key}.{field}</c>),
    /// so that nothing is saved unless all of them may be attached.
    /// </summary>
    public async Task<IReadOnlyList<FilledAddon>> ValidateAsync(
        ClaimsPrincipal author, IReadOnlyDictionary<string, PostAddonFields>? input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var filled = new List<FilledAddon>();
        foreach (var (key, fields) in input ?? new Dictionary<string, PostAddonFields>())
        {
            if (All.FirstOrDefault(a => a.Key == key) is not { } addon)
            {
                errors[$"addons.{key}"] = T["Nothing named {0} can be added to a post here.", key];
                continue;
            }

            if (!addon.IsFilledIn(fields))
            {
                continue;
            }

            foreach (var (field, problem) in await addon.ValidateAsync(author, fields, cancellationToken))
            {
                errors[$"addons.{key}.{field}"] = problem;
            }

            filled.Add(new FilledAddon(addon, fields));
        }

        return filled;
    }

    public static async Task AttachAsync(ClaimsPrincipal author, IReadOnlyList<FilledAddon> filled, IEnumerable<long> postIds, CancellationToken cancellationToken)
    {
        foreach (var postId in postIds)
        {
            foreach (var (addon, fields) in filled)
            {
                await addon.AttachAsync(author, postId, fields, cancellationToken);
            }
        }
    }

    /// <summary>The card components each post of a page shows: one call per add-on, none without add-ons.</summary>
    public async Task<ILookup<long, Type>> CardsAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        if (All.Count == 0 || postIds.Count == 0)
        {
            return NoCards;
        }

        var cards = new List<(long PostId, Type Component)>();
        foreach (var addon in All)
        {
            cards.AddRange((await addon.WithAddonAsync(postIds, cancellationToken)).Select(id => (id, addon.CardComponent)));
        }

        return cards.ToLookup(c => c.PostId, c => c.Component);
    }

    /// <summary>An add-on's part of the composer, with what the author sent when the form comes back.</summary>
    public static PostAddonComposer Composer(IPostAddon addon, IReadOnlyDictionary<string, PostAddonFields>? sent) =>
        new($"{FormPrefix}{addon.Key}.", sent?.GetValueOrDefault(addon.Key) ?? PostAddonFields.Empty);
}
