using Microsoft.AspNetCore.Html;

namespace InternalSocial.Themes.Employee;

/// <summary>
/// The theme's line icons for menu entries (<c>MenuItem.Icon</c>) and header buttons. They are decorative: the text
/// beside them, visible or visually hidden, names the link. An unknown name gets a neutral dot, so a module may name
/// an icon this theme does not draw.
/// </summary>
internal static class Icons
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["home"] = """<path d="M3 11l9-7 9 7"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/>""",
        ["feed"] = """<rect x="4" y="4" width="16" height="16" rx="2"/><path d="M8 9h8M8 13h8M8 17h5"/>""",
        ["groups"] = """<circle cx="9" cy="8" r="3"/><path d="M3 20a6 6 0 0 1 12 0"/><circle cx="17" cy="9" r="2.5"/><path d="M16.5 14.2A5 5 0 0 1 21 19.5"/>""",
        ["people"] = """<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M6 16a3 3 0 0 1 6 0M14 10h4M14 14h4"/>""",
        ["link"] = """<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>""",
        ["shield"] = """<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M9 12l2 2 4-4"/>""",
        ["settings"] = """<path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1"/><circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>""",
        ["mail"] = """<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>""",
        ["poll"] = """<path d="M5 20V12M12 20V5M19 20v-9"/><path d="M3 20h18"/>""",
        ["calendar"] = """<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>""",
        ["search"] = """<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>""",
        ["more"] = """<circle cx="5" cy="12" r="1.5"/><circle cx="12" cy="12" r="1.5"/><circle cx="19" cy="12" r="1.5"/>""",
        ["sign-out"] = """<path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3"/><path d="M10 17l-5-5 5-5M5 12h11"/>""",
    };

    private const string Dot = """<circle cx="12" cy="12" r="3"/>""";

    public static IHtmlContent Svg(string? name) => new HtmlString(
        """<svg class="icon" aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">"""
        + (name is not null && Paths.TryGetValue(name, out var paths) ? paths : Dot)
        + "</svg>");
}
