using System.Globalization;
using InternalSocial.Kernel.Text;

namespace InternalSocial.Charter.Services;

/// <summary>
/// A charter's Markdown through the kernel's <see cref="SafeMarkdown"/> (a document: section headings allowed), with each
/// level-2 heading made a numbered rule: <c>id="rule-N"</c>, so a moderator's rejection can link to it.
/// </summary>
internal static class CharterMarkdown
{
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

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown) => SafeMarkdown.ToDocument(markdown, SafeMarkdownOptions.Document);
}
