using System.Collections.Concurrent;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;

namespace InternalSocial.Kernel.Text;

/// <summary>
/// Markdown written by people, made safe to show: Markdig with raw HTML off (typed HTML is shown as text), then
/// HtmlSanitizer's allow-list, which drops scripts, event attributes, images, styles and any link that is not http,
/// https or mailto. The one place the site turns Markdown into HTML; modules decorate the result (mentions, anchors)
/// through <see cref="ToDocument"/>, after sanitizing, so no author can set what they add.
/// </summary>
/// <remarks>Static and stateless: the pipeline and the sanitizers are immutable and safe to share between threads.</remarks>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly string[] TextTags = ["p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4"];

    private static readonly string[] SectionTags = ["h2", "hr"];

    private static readonly ConcurrentDictionary<SafeMarkdownOptions, HtmlSanitizer> Sanitizers = new();

    /// <summary>Safe HTML of <paramref name="markdown"/> (null reads as empty).</summary>
    public static string ToHtml(string? markdown, SafeMarkdownOptions? options = null) =>
        SanitizerFor(options ?? SafeMarkdownOptions.UserContent).Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>The safe HTML parsed, to decorate: change its <c>Body</c>, then read <c>Body.InnerHtml</c>.</summary>
    public static IHtmlDocument ToDocument(string? markdown, SafeMarkdownOptions? options = null) => Parse(ToHtml(markdown, options));

    /// <summary>Parses HTML this class produced earlier (stored), to change it the same way.</summary>
    public static IHtmlDocument Parse(string html) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");

    private static HtmlSanitizer SanitizerFor(SafeMarkdownOptions options) => Sanitizers.GetOrAdd(options, Create);

    private static HtmlSanitizer Create(SafeMarkdownOptions options)
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(options.Sections ? [.. TextTags, .. SectionTags] : TextTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = options.KeepTextOfRefusedTags,
        };
        var rel = options.LinkRel;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } anchor)
            {
                anchor.SetAttribute("rel", rel);
            }
        };
        return sanitizer;
    }
}
