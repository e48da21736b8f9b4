namespace InternalSocial.Kernel.Text;

/// <summary>
/// What <see cref="SafeMarkdown"/> lets through beyond the text itself. Every profile shares one allow-list of
/// attributes (<c>href</c> only) and schemes (http, https, mailto): the differences are only which tags a kind of text
/// needs and how a link declares its trust.
/// </summary>
public sealed record SafeMarkdownOptions
{
    /// <summary>What people write in posts and comments: no section headings, links marked as user content.</summary>
    public static SafeMarkdownOptions UserContent { get; } = new();

    /// <summary>
    /// A document the organisation publishes (rules, policies): section headings (<c>##</c>) and rules, and the text of a
    /// refused tag kept, so that a level-1 title still reads as text under the page's own title.
    /// </summary>
    public static SafeMarkdownOptions Document { get; } = new() { Sections = true, KeepTextOfRefusedTags = true, LinkRel = "nofollow noopener" };

    /// <summary>Allows level-2 headings and horizontal rules.</summary>
    public bool Sections { get; init; }

    /// <summary>Keeps the text inside a refused element (a level-1 heading, say) instead of dropping the element whole.</summary>
    public bool KeepTextOfRefusedTags { get; init; }

    /// <summary>The <c>rel</c> every link gets: never the opener, never a search engine's vote.</summary>
    public string LinkRel { get; init; } = "nofollow noopener ugc";
}
