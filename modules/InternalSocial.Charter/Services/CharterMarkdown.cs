using System.Globalization;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;

namespace InternalSocial.Charter.Services;

/// <summary>
/// A charter's Markdown as the rest of the site renders user Markdown (raw HTML off, then an allow-list sanitizer),
/// with each level-2 heading made a numbered rule: <c>id="rule-N"</c>, so a moderator's rejection can link to it.
/// </summary>
internal static class CharterMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Safe HTML with the rules anchored; the anchors are added after sanitizing, so no author sets an id.</summary>
    public static string Render(string markdown)
    {
        var document = Parse(markdown);
        var number = 0;
        foreach (var heading in document.Body!.QuerySelectorAll("h2"))
        {
            number++;
            heading.SetAttribute("id", Anchor(number));
            heading.Prepend(document.CreateTextNode(number.ToString(CultureInfo.InvariantCulture) + ". "));
        }

        return document.Body.InnerHtml;
    }

    /// <summary>The rules: the level-2 headings' text, numbered from 1 in order.</summary>
    public static IReadOnlyList<(int Number, string Title)> Rules(string markdown) =>
        [.. Parse(markdown).Body!.QuerySelectorAll("h2").Select((h, i) => (i + 1, h.TextContent.Trim()))];

    public static string Anchor(int number) => "rule-" + number.ToString(CultureInfo.InvariantCulture);

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown)
    {
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));
        return new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "hr"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        // A level-1 heading or any other refused tag keeps its text: the page already has its own title.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } anchor)
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
