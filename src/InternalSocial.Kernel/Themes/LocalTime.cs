using System.Globalization;
using InternalSocial.Kernel.Settings;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace InternalSocial.Kernel.Themes;

/// <summary>How a <see cref="LocalTimeTagHelper"/> shows a moment.</summary>
public enum LocalTimeFormat
{
    /// <summary>"28 Nov 2026" / "28 nov. 2026".</summary>
    Date,

    /// <summary>"28 Nov 2026 2:55 PM" / "28 nov. 2026 14:55".</summary>
    DateTime,

    /// <summary>The date and time, which the site's script turns into "3 minutes ago" / "il y a 3 minutes".</summary>
    Relative,
}

/// <summary>Moments as people read them: in the organisation's time zone and the reader's language.</summary>
public static class LocalTime
{
    /// <summary>
    /// The text of a UTC moment in <paramref name="zone"/>, formatted for <paramref name="culture"/>. Month names, not
    /// numbers, so that "11/12" cannot be read as either November or December.
    /// </summary>
    public static string Format(DateTime utc, TimeZoneInfo zone, CultureInfo culture, LocalTimeFormat format)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(culture);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        const string date = "d MMM yyyy";
        return format == LocalTimeFormat.Date
            ? local.ToString(date, culture)
            : local.ToString(date + " " + culture.DateTimeFormat.ShortTimePattern, culture);
    }

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>: ISO 8601 in UTC.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The organisation's time zone, UTC when the id is unknown to this machine.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? "", out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>
/// <c>&lt;local-time value="@link.CreatedUtc" format="relative|date|datetime" /&gt;</c>: renders
/// <c>&lt;time datetime="2026-11-28T13:55:00Z"&gt;28 Nov 2026 2:55 PM&lt;/time&gt;</c> in the request's culture and the
/// organisation's time zone (<see cref="SiteSettings.TimeZoneId"/>). With <c>relative</c>, the site's script
/// (Intl.RelativeTimeFormat) shows "3 minutes ago" instead and keeps the date as the tooltip. A null value renders
/// nothing. Values are UTC, as every timestamp of the database is.
/// </summary>
[HtmlTargetElement("local-time", Attributes = "value", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(ShellSettings shell, SiteSettingsService settings) : TagHelper
{
    [HtmlAttributeName("value")]
    public DateTime? Value { get; set; }

    [HtmlAttributeName("format")]
    public LocalTimeFormat Format { get; set; } = LocalTimeFormat.DateTime;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Value is not { } utc)
        {
            output.SuppressOutput();
            return;
        }

        var zoneId = shell.State == TenantState.Running ? (await settings.GetAsync(CancellationToken.None)).TimeZoneId : null;
        var zone = LocalTime.Zone(zoneId);
        var text = LocalTime.Format(utc, zone, CultureInfo.CurrentCulture, Format);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", LocalTime.Iso(utc));
        if (Format == LocalTimeFormat.Relative)
        {
            output.Attributes.SetAttribute("data-format", "relative");
            output.Attributes.SetAttribute("title", text);
        }

        output.Content.SetContent(text);
    }
}
