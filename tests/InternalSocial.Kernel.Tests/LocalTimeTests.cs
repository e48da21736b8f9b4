using System.Globalization;
using InternalSocial.Kernel.Themes;

namespace InternalSocial.Kernel.Tests;

/// <summary>Dates as people read them: the organisation's time zone, the reader's language.</summary>
public sealed class LocalTimeTests
{
    private static readonly DateTime Afternoon = new(2026, 11, 28, 13, 55, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void English_and_french_name_the_month_and_use_their_own_clock()
    {
        Assert.Equal("28 Nov 2026 2:55 PM", Normalize(LocalTime.Format(Afternoon, Paris, new CultureInfo("en"), LocalTimeFormat.DateTime)));
        Assert.Equal("28 nov. 2026 14:55", Normalize(LocalTime.Format(Afternoon, Paris, new CultureInfo("fr"), LocalTimeFormat.DateTime)));
        Assert.Equal("28 Nov 2026", LocalTime.Format(Afternoon, Paris, new CultureInfo("en"), LocalTimeFormat.Date));
        Assert.Equal("28 nov. 2026", LocalTime.Format(Afternoon, Paris, new CultureInfo("fr"), LocalTimeFormat.Date));
    }

    [Fact]
    public void The_time_zone_moves_the_hour_and_can_move_the_day()
    {
        var lateEvening = new DateTime(2026, 11, 28, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("28 nov. 2026 23:30", Normalize(LocalTime.Format(lateEvening, TimeZoneInfo.Utc, new CultureInfo("fr"), LocalTimeFormat.DateTime)));
        Assert.Equal("29 nov. 2026 00:30", Normalize(LocalTime.Format(lateEvening, Paris, new CultureInfo("fr"), LocalTimeFormat.DateTime)));
        // Summer time: Paris is two hours ahead in July.
        Assert.Equal("1 juil. 2026 14:00", Normalize(LocalTime.Format(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), Paris, new CultureInfo("fr"), LocalTimeFormat.DateTime)));
    }

    [Fact]
    public void The_machine_readable_form_is_iso_8601_in_utc_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr");
            Assert.Equal("2026-11-28T13:55:00Z", LocalTime.Iso(Afternoon));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void An_unknown_time_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, LocalTime.Zone("Mars/Olympus_Mons"));
        Assert.Equal(Paris.Id, LocalTime.Zone("Europe/Paris").Id);
    }

    // ICU puts a narrow no-break space before AM/PM; what matters here is the order and the clock, not the space.
    private static string Normalize(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
