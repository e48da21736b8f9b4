using System.Text.RegularExpressions;
using AngleSharp.Dom;
using InternalSocial.Kernel.Text;

namespace InternalSocial.Feed.Services;

/// <summary>
/// The kernel's <see cref="SafeMarkdown"/> (user content), then #tags and @mentions turned into links. Runs once when
/// the text is written; pages show the stored result.
/// </summary>
internal static partial class ContentRenderer
{
    public const string FormerMember = "Former member";

    private static readonly HashSet<string> NoDecorationInside = new(StringComparer.OrdinalIgnoreCase) { "A", "CODE", "PRE" };

    /// <summary>Lower-case tags written as #tag, in order of appearance.</summary>
    public static IReadOnlyList<string> ParseTags(string source) =>
        TagPattern().Matches(source ?? "").Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();

    /// <summary>User names written as @name.</summary>
    public static IReadOnlyList<string> ParseMentions(string source) =>
        MentionPattern().Matches(source ?? "").Select(m => m.Groups[1].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <param name="people">Mentioned people found, by upper-case user name → (user id, user name).</param>
    /// <param name="pathBase">The tenant's path base ("" or "/prefix"), for links to people and tags.</param>
    public static string Render(string source, IReadOnlyDictionary<string, (string Id, string UserName)> people, string pathBase)
    {
        ArgumentNullException.ThrowIfNull(people);
        var document = SafeMarkdown.ToDocument(source);
        var body = document.Body!;
        foreach (var text in TextNodes(body).ToList())
        {
            Decorate(document, text, people, pathBase);
        }

        return body.InnerHtml;
    }

    /// <summary>Replaces the links to a person whose data was erased by plain "Former member" text.</summary>
    public static string RemoveMention(string html, string userId)
    {
        var document = SafeMarkdown.Parse(html);
        foreach (var link in document.Body!.QuerySelectorAll("a.mention").Where(a => a.GetAttribute("data-user-id") == userId).ToList())
        {
            link.Replace(document.CreateTextNode(FormerMember));
        }

        return document.Body.InnerHtml;
    }

    private static IEnumerable<IText> TextNodes(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                yield return text;
            }
            else if (child is IElement element && !NoDecorationInside.Contains(element.TagName))
            {
                foreach (var inner in TextNodes(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Decorate(IDocument document, IText text, IReadOnlyDictionary<string, (string Id, string UserName)> people, string pathBase)
    {
        var value = text.Data;
        var matches = TokenPattern().Matches(value);
        if (matches.Count == 0)
        {
            return;
        }

        var parent = text.Parent!;
        var position = 0;
        var replaced = false;
        foreach (Match match in matches)
        {
            IElement? link = null;
            if (match.Groups["tag"].Success)
            {
                var tag = match.Groups["tag"].Value.ToLowerInvariant();
                link = document.CreateElement("a");
                link.SetAttribute("href", $"{pathBase}/tags/{Uri.EscapeDataString(tag)}");
                link.SetAttribute("class", "hashtag");
                link.TextContent = "#" + match.Groups["tag"].Value;
            }
            else
            {
                var name = match.Groups["user"].Value.TrimEnd('.');
                if (people.TryGetValue(name.ToUpperInvariant(), out var person))
                {
                    link = document.CreateElement("a");
                    link.SetAttribute("href", $"{pathBase}/people/{Uri.EscapeDataString(person.UserName)}");
                    link.SetAttribute("class", "mention");
                    link.SetAttribute("data-user-id", person.Id);
                    link.TextContent = "@" + person.UserName;
                }
            }

            if (link is null)
            {
                continue;
            }

            var start = match.Groups["tag"].Success ? match.Index : match.Groups["user"].Index - 1;
            var length = match.Groups["tag"].Success ? match.Length : match.Groups["user"].Value.TrimEnd('.').Length + 1;
            parent.InsertBefore(document.CreateTextNode(value[position..start]), text);
            parent.InsertBefore(link, text);
            position = start + length;
            replaced = true;
        }

        if (replaced)
        {
            parent.InsertBefore(document.CreateTextNode(value[position..]), text);
            parent.RemoveChild(text);
        }
    }

    [GeneratedRegex(@"(?<![\w#&/])#([\p{L}\p{N}_-]{1,50})")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<![\w@./])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(?<![\w#&/])#(?<tag>[\p{L}\p{N}_-]{1,50})|(?<![\w@./])@(?<user>[A-Za-z0-9][A-Za-z0-9._-]{0,63})")]
    private static partial Regex TokenPattern();
}
