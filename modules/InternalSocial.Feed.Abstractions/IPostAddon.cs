using System.Security.Claims;

namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// Something another module adds to a post (a poll; later an event, a document, a form), as a part is attached to a
/// content item. Registered scoped by the module's feed bridge. The composer shows <see cref="ComposerComponent"/> under
/// <see cref="Label"/>; the feed validates every add-on the author filled in before it saves the post, so a refused
/// add-on refuses the whole post, then attaches them to the saved post in the same request. Cards render
/// <see cref="CardComponent"/> for the posts <see cref="WithAddonAsync"/> names, per request: the feed caches cards,
/// never what an add-on shows in them.
/// </summary>
public interface IPostAddon
{
    /// <summary>A short lower-case key (<c>poll</c>): the composer's fields are named <c>Composer.addons.{key}.{field}</c>.</summary>
    string Key { get; }

    /// <summary>The composer's button, in the request's language ("Add a poll").</summary>
    string Label { get; }

    /// <summary>A view component with <c>InvokeAsync(PostAddonComposer composer)</c>: the add-on's fields in the composer.</summary>
    Type ComposerComponent { get; }

    /// <summary>A view component with <c>InvokeAsync(long postId)</c>: the add-on in a post's card, for the reader of the request.</summary>
    Type CardComponent { get; }

    /// <summary>True when the author filled the add-on in; an add-on left empty is neither validated nor attached.</summary>
    bool IsFilledIn(PostAddonFields fields);

    /// <summary>The problems of the fields, keyed by field name (<c>question</c>); empty when the add-on may be attached.</summary>
    Task<IReadOnlyDictionary<string, string>> ValidateAsync(ClaimsPrincipal author, PostAddonFields fields, CancellationToken cancellationToken);

    /// <summary>Attaches the add-on to a post just saved by <paramref name="author"/> (each copy of a post sent to several groups).</summary>
    Task AttachAsync(ClaimsPrincipal author, long postId, PostAddonFields fields, CancellationToken cancellationToken);

    /// <summary>Which of these posts carry the add-on: one query for a whole page of cards.</summary>
    Task<IReadOnlySet<long>> WithAddonAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken);
}
