using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Home.Endpoints;

/// <summary>
/// What makes the site an installable web app with the organisation's name and colours: the web app manifest, the
/// service worker (at the tenant's root, so its scope is the whole tenant) and the branding stylesheet.
/// </summary>
internal static class WebAppEndpoints
{
    /// <summary>Bumped when the service worker's cache list changes, so installed apps drop the old cache.</summary>
    public const string CacheVersion = "v2";

    /// <summary>The site's script bundle, which every layout loads (built by the Employee theme project).</summary>
    public const string AppBundle = "/_content/InternalSocial.Themes.Employee/dist/app.js";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/manifest.webmanifest", async (HttpContext context, SiteSettingsService settings) =>
        {
            var site = await settings.GetAsync(context.RequestAborted);
            var root = context.Request.PathBase + "/";
            var manifest = new JsonObject
            {
                ["name"] = site.SiteName,
                ["short_name"] = site.SiteName.Length <= 12 ? site.SiteName : site.SiteName[..12].TrimEnd(),
                ["start_url"] = root,
                ["scope"] = root,
                ["display"] = "standalone",
                ["lang"] = site.DefaultCulture,
                ["background_color"] = "#f4f6fa",
                ["theme_color"] = site.AccentColor ?? "#2457d6",
                ["icons"] = new JsonArray(
                    Icon(context, 192),
                    Icon(context, 512),
                    Icon(context, 512, purpose: "maskable")),
            };
            if (site.Logo is { } logo)
            {
                // The organisation's own logo first: browsers pick the first icon that fits.
                manifest["icons"]!.AsArray().Insert(0, new JsonObject
                {
                    ["src"] = $"{context.Request.PathBase}/logo.webp?v={logo.Version}",
                    ["sizes"] = $"{logo.Width}x{logo.Height}",
                    ["type"] = NormalizedImage.ContentType,
                    ["purpose"] = "any",
                });
            }

            return Results.Text(manifest.ToJsonString(), "application/manifest+json");
        }).ExcludeFromDescription();

        endpoints.MapGet("/sw.js", (HttpContext context, IFileVersionProvider versions) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            // The bundle's address carries its content hash, as the layouts write it: a new build is a new cache entry.
            var bundle = versions.AddFileVersionToPath(context.Request.PathBase, context.Request.PathBase + AppBundle);
            return Results.Text(ServiceWorker(context.Request.PathBase, bundle), "text/javascript");
        }).ExcludeFromDescription();

        // The organisation's logo, for everyone (the sign-in page shows it too); its address carries its version.
        endpoints.MapGet("/logo.webp", async (HttpContext context, ITenantFileStore files) =>
        {
            var stream = await files.OpenReadAsync(SiteLogo.FilePath, context.RequestAborted);
            return stream is null ? Results.NotFound() : FileResponses.Serve(context, stream, NormalizedImage.ContentType, "logo.webp", isPrivate: false);
        }).ExcludeFromDescription();

        endpoints.MapGet("/branding.css", async (HttpContext context, SiteSettingsService settings) =>
        {
            var site = await settings.GetAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(site.AccentColor is { } accent ? BrandingCss(accent) : "", "text/css");
        }).ExcludeFromDescription();
    }

    /// <summary>The accent colour, and black or white on it, whichever reads better (WCAG contrast).</summary>
    public static string BrandingCss(string accent)
    {
        ArgumentNullException.ThrowIfNull(accent);
        var r = int.Parse(accent.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(accent.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(accent.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(r)) + (0.7152 * Channel(g)) + (0.0722 * Channel(b));
        var contrastWithWhite = 1.05 / (luminance + 0.05);
        var contrastWithBlack = (luminance + 0.05) / 0.05;
        var onAccent = contrastWithWhite >= contrastWithBlack ? "#ffffff" : "#000000";
        return $":root {{ --accent: {accent}; --accent-contrast: {onAccent}; }}\n";
    }

    private static JsonObject Icon(HttpContext context, int size, string purpose = "any") => new()
    {
        ["src"] = $"{context.Request.PathBase}/_content/InternalSocial.Home/icons/icon-{size}.png",
        ["sizes"] = $"{size}x{size}",
        ["type"] = "image/png",
        ["purpose"] = purpose,
    };

    /// <summary>
    /// Caches the offline page, the branding stylesheet, the icon and the script bundle at install; pages come from the network and fall back to
    /// the offline page; static assets come from the cache first. Never caches API answers or signed-in pages.
    /// </summary>
    private static string ServiceWorker(PathString pathBase, string bundle) => $$"""
        const CACHE = 'internalsocial-{{CacheVersion}}';
        const BASE = '{{pathBase}}';
        const OFFLINE = BASE + '/offline';
        self.addEventListener('install', event => {
          event.waitUntil(caches.open(CACHE).then(cache => cache.addAll([OFFLINE, BASE + '/branding.css', BASE + '/_content/InternalSocial.Home/icons/icon-192.png', '{{bundle}}'])));
          self.skipWaiting();
        });
        self.addEventListener('activate', event => {
          event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k)))));
          self.clients.claim();
        });
        self.addEventListener('fetch', event => {
          const request = event.request;
          if (request.method !== 'GET') return;
          const url = new URL(request.url);
          if (request.mode === 'navigate') {
            event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
          } else if (url.pathname.startsWith(BASE + '/_content/')) {
            event.respondWith(caches.match(request).then(hit => hit || fetch(request).then(response => {
              const copy = response.clone();
              caches.open(CACHE).then(cache => cache.put(request, copy));
              return response;
            })));
          }
        });
        """;
}
