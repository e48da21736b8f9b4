using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using InternalSocial.Feed.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Services;

/// <summary>Builds an edition's content from its blocks, and writes the mail in a language for a recipient.</summary>
internal static class NewsletterContent
{
    public const string DefaultAccent = "#2457d6";

    /// <summary>Stands for the recipient's token in a mail written once per language.</summary>
    public const string TokenPlaceholder = "NEWSLETTER-RECIPIENT-TOKEN";

    private const string LinkPlaceholder = "https://newsletter.invalid/link/";

    /// <param name="blocks">In order: a post (the composer's view of it) or free Markdown text, which <paramref name="posts"/> renders.</param>
    /// <param name="baseUrl">Scheme, host and tenant prefix, without a trailing slash.</param>
    public static EditionContent Build(string title, string intro, IReadOnlyList<(PostExcerpt? Post, string? Text)> blocks, string baseUrl, IPostExcerpts posts)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(posts);
        var links = new List<string>();
        var pathBase = new Uri(baseUrl, UriKind.Absolute).AbsolutePath.TrimEnd('/');
        var introHtml = intro.Length == 0 ? "" : Track(posts.RenderMarkdown(intro, pathBase), baseUrl, links);
        var built = new List<ContentBlock>();
        foreach (var (post, text) in blocks)
        {
            if (post is not null)
            {
                var html = Track(post.Html, baseUrl, links);
                var link = Index(links, $"{baseUrl}/posts/{post.Id}");
                built.Add(new ContentBlock(post.Id, post.AuthorName, html, post.Body, link));
            }
            else if (text is not null)
            {
                built.Add(new ContentBlock(null, null, Track(posts.RenderMarkdown(text, pathBase), baseUrl, links), text, null));
            }
        }

        return new EditionContent(title, introHtml, intro, built, links, baseUrl);
    }

    /// <param name="token">The recipient's token (or <see cref="TokenPlaceholder"/>); null for a preview or a test, whose links go straight to their targets and which count nothing.</param>
    public static RenderedMail Render(EditionContent content, Branding branding, string? token, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(branding);
        ArgumentNullException.ThrowIfNull(T);
        var unsubscribe = token is null ? null : $"{content.BaseUrl}/newsletter/unsubscribe?token={token}";
        var accent = WebUtility.HtmlEncode(branding.AccentColor);
        var html = new StringBuilder();
        var text = new StringBuilder();
        AppendHead(html, text, content, branding, token, accent);
        foreach (var block in content.Blocks)
        {
            AppendBlock(html, text, block, content, token, accent, T);
        }

        AppendFooter(html, text, content, branding, token, unsubscribe, T);
        return new RenderedMail($"[{branding.SiteName}] {content.Title}", html.ToString(), text.Append('\n').ToString(), unsubscribe);
    }

    /// <summary>The branded banner, the title and the introduction.</summary>
    private static void AppendHead(StringBuilder html, StringBuilder text, EditionContent content, Branding branding, string? token, string accent)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = WebUtility.HtmlEncode(content.Title);
        html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(title).Append("</title></head><body style=\"margin:0;padding:0;background:#f4f5f7;\">")
            .Append("<div role=\"article\" aria-label=\"").Append(title).Append("\" style=\"max-width:640px;margin:0 auto;padding:12px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;\">")
            .Append("<div style=\"background:").Append(accent).Append(";color:#ffffff;padding:14px 18px;border-radius:8px 8px 0 0;\">");
        if (branding.LogoUrl is { } logo)
        {
            html.Append("<img src=\"").Append(WebUtility.HtmlEncode(logo)).Append("\" alt=\"\" height=\"32\" style=\"height:32px;width:auto;vertical-align:middle;margin-right:10px;border:0;\">");
        }

        html.Append("<span style=\"font-size:18px;font-weight:bold;vertical-align:middle;\">").Append(WebUtility.HtmlEncode(branding.SiteName)).Append("</span></div>")
            .Append("<div style=\"background:#ffffff;padding:18px;border-radius:0 0 8px 8px;word-wrap:break-word;\">")
            .Append("<h1 style=\"font-size:24px;line-height:1.25;margin:0 0 12px;\">").Append(title).Append("</h1>")
            .Append(PointLinks(content, token, content.IntroHtml));
        text.Append(content.Title).Append('\n').Append(new string('=', Math.Min(content.Title.Length, 70))).Append("\n\n");
        if (content.IntroText.Length > 0)
        {
            text.Append(content.IntroText.Trim()).Append("\n\n");
        }
    }

    /// <summary>A post (its author, its content and a link to read it) or a text.</summary>
    private static void AppendBlock(StringBuilder html, StringBuilder text, ContentBlock block, EditionContent content, string? token, string accent, IStringLocalizer T)
    {
        html.Append("<div style=\"border-top:1px solid #d0d7de;margin-top:16px;padding-top:16px;\">");
        text.Append("----\n");
        if (block.PostId is not null)
        {
            var by = T["By {0}", block.Author ?? ""].Value;
            html.Append("<p style=\"margin:0 0 8px;font-size:14px;color:#57606a;\">").Append(WebUtility.HtmlEncode(by)).Append("</p>")
                .Append(PointLinks(content, token, block.Html));
            text.Append(by).Append("\n\n").Append(block.Text.Trim()).Append("\n\n");
            if (block.LinkIndex is { } index)
            {
                var read = T["Read the post"].Value;
                var link = LinkOf(content, token, index);
                html.Append("<p style=\"margin:12px 0 0;\"><a href=\"").Append(WebUtility.HtmlEncode(link))
                    .Append("\" style=\"display:inline-block;background:").Append(accent).Append(";color:#ffffff;padding:8px 14px;border-radius:6px;text-decoration:none;\">")
                    .Append(WebUtility.HtmlEncode(read)).Append("</a></p>");
                text.Append(read).Append(": ").Append(link).Append("\n\n");
            }
        }
        else
        {
            html.Append(PointLinks(content, token, block.Html));
            text.Append(block.Text.Trim()).Append("\n\n");
        }

        html.Append("</div>");
    }

    /// <summary>Who sends it, the unsubscribe link and, for a recipient, the image that counts the open.</summary>
    private static void AppendFooter(StringBuilder html, StringBuilder text, EditionContent content, Branding branding, string? token, string? unsubscribe, IStringLocalizer T)
    {
        var footer = T["You receive this newsletter from {0}.", branding.SiteName].Value;
        html.Append("</div><p style=\"font-size:12px;color:#57606a;text-align:center;margin:16px 0;\">").Append(WebUtility.HtmlEncode(footer));
        text.Append("-- \n").Append(footer);
        if (unsubscribe is not null)
        {
            var stop = T["Unsubscribe"].Value;
            html.Append(" <a href=\"").Append(WebUtility.HtmlEncode(unsubscribe)).Append("\" style=\"color:#57606a;\">").Append(WebUtility.HtmlEncode(stop)).Append("</a>");
            text.Append(' ').Append(stop).Append(": ").Append(unsubscribe);
        }

        html.Append("</p>");
        if (token is not null)
        {
            html.Append("<img src=\"").Append(WebUtility.HtmlEncode($"{content.BaseUrl}/newsletter/o/{token}")).Append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0;\">");
        }

        html.Append("</div></body></html>");
    }

    /// <summary>A link's address in the mail: the click redirect for a recipient, the target itself for a preview.</summary>
    private static string LinkOf(EditionContent content, string? token, int index) =>
        token is null ? content.Links[index] : $"{content.BaseUrl}/newsletter/c/{token}/{index}";

    /// <summary>Points the placeholders of <paramref name="html"/> at <see cref="LinkOf"/>.</summary>
    private static string PointLinks(EditionContent content, string? token, string html)
    {
        for (var i = content.Links.Count - 1; i >= 0; i--)
        {
            html = html.Replace($"href=\"{LinkPlaceholder}{i}\"", $"href=\"{WebUtility.HtmlEncode(LinkOf(content, token, i))}\"", StringComparison.Ordinal);
        }

        return html;
    }


    /// <summary>Makes the links of <paramref name="html"/> absolute, adds the web ones to <paramref name="links"/>, and points them at placeholders.</summary>
    private static string Track(string html, string baseUrl, List<string> links)
    {
        var origin = new Uri(baseUrl, UriKind.Absolute).GetLeftPart(UriPartial.Authority);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var anchor in document.Body!.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!;
            string? target = null;
            if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            {
                target = origin + href;
            }
            else if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                target = absolute.AbsoluteUri;
            }

            if (target is not null)
            {
                anchor.SetAttribute("href", LinkPlaceholder + Index(links, target).ToString(CultureInfo.InvariantCulture));
            }
        }

        return document.Body.InnerHtml;
    }

    private static int Index(List<string> links, string url)
    {
        var index = links.IndexOf(url);
        if (index < 0)
        {
            links.Add(url);
            index = links.Count - 1;
        }

        return index;
    }
}
