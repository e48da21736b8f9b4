using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace InternalSocial.Charter.Services;

/// <summary>
/// A compared line as HTML: every piece encoded, inserted ones in <c>ins</c>, deleted ones in <c>del</c>, each announced
/// to screen readers. Written in one piece, because the line keeps its spaces (<c>pre-wrap</c>) and a template's
/// indentation between the pieces would show.
/// </summary>
internal static class CharterDiffHtml
{
    // Every script readable in the page's source; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(CharterDiffLine line, string added, string removed)
    {
        ArgumentNullException.ThrowIfNull(line);
        var html = new HtmlContentBuilder();
        foreach (var piece in line.Pieces)
        {
            var text = Encoder.Encode(piece.Text);
            html.AppendHtml(piece.Kind switch
            {
                CharterDiffKind.Inserted => $"<ins><span class=\"visually-hidden\">{Encoder.Encode(added)} </span>{text}</ins>",
                CharterDiffKind.Deleted => $"<del><span class=\"visually-hidden\">{Encoder.Encode(removed)} </span>{text}</del>",
                _ => text,
            });
        }

        return html;
    }
}
