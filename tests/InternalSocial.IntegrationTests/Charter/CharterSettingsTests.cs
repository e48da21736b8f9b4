using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>
/// The charter's settings (issue 20): managers read and change them by API and page, the next request obeys them (an
/// audience left ungated, a grace period with its banner that closes when it ends, the editorial charter open), and
/// bad input names the field. Each test puts the defaults back.
/// </summary>
public abstract class CharterSettingsTests(CharterPagesTenant tenant)
{
    [SkippableFact]
    public async Task Managers_change_the_settings_and_the_very_next_request_obeys_them()
    {
        tenant.SkipIfUnavailable();
        var defaults = await (await tenant.Admin.GetAsync("api/v1/charter/settings")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(defaults.GetProperty("gateEmployees").GetBoolean());
        Assert.True(defaults.GetProperty("gateGuests").GetBoolean());
        Assert.Equal(0, defaults.GetProperty("graceDays").GetInt32());
        Assert.False(defaults.GetProperty("editorialExpanded").GetBoolean());

        var person = await tenant.NewPersonBrowserAsync($"ungated{Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("feed")).StatusCode);
        try
        {
            var saved = await (await tenant.Admin.PutAsJsonAsync("api/v1/charter/settings", new { gateEmployees = false })).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.False(saved.GetProperty("gateEmployees").GetBoolean());
            Assert.True(saved.GetProperty("gateGuests").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("feed")).StatusCode);
            await (await person.GetAsync("api/v1/charter/settings")).ExpectProblemAsync(HttpStatusCode.Forbidden);

            var refused = await (await tenant.Admin.PutAsJsonAsync("api/v1/charter/settings", new { graceDays = 31, gateEmployees = true })).ExpectProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("30", refused.GetProperty("errors").GetProperty("graceDays")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("feed")).StatusCode);
        }
        finally
        {
            await ResetAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("feed")).StatusCode);
    }

    [SkippableFact]
    public async Task During_the_grace_period_those_who_accepted_before_enter_with_a_banner_until_it_ends_and_newcomers_do_not()
    {
        tenant.SkipIfUnavailable();
        var member = await tenant.NewPersonBrowserAsync($"graced{Guid.NewGuid():N}"[..20]);
        var page = await member.GetStringAsync("charter");
        await member.SubmitAsync("charter", "charter/accept", new Dictionary<string, string>
        {
            ["version"] = CharterPagesTenant.OfferedVersion(page).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var newcomer = await tenant.NewPersonBrowserAsync($"newcomer{Guid.NewGuid():N}"[..20]);
        try
        {
            await (await tenant.Admin.PutAsJsonAsync("api/v1/charter/settings", new { graceDays = 3 })).ExpectJsonAsync(HttpStatusCode.OK);
            var version = await tenant.PublishAsync("employees", CharterPagesTenant.EmployeesV1 + "\n## Grace\n\nNew rule.\n", "# Charte\n\n## Grâce\n\nNouvelle règle.\n", material: true);
            await CharterPagesTenant.AcceptAsync(tenant.Admin, version);

            var feed = await member.GetAsync("feed");
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            var html = await feed.Content.ReadAsStringAsync();
            Assert.Contains("A new version of the charter awaits your acceptance, by", html, StringComparison.Ordinal);
            Assert.Contains("class=\"notice charter-banner\"", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("feed")).StatusCode);

            tenant.Host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
            var closed = await member.GetAsync("feed");
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.Contains("/charter?returnUrl=", closed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        finally
        {
            tenant.Host.Clock.Reset();
            await ResetAsync();
        }
    }

    [SkippableFact]
    public async Task The_settings_page_names_a_bad_field_keeps_what_was_typed_and_opens_the_editorial_charter_beside_the_composer()
    {
        tenant.SkipIfUnavailable();
        var admin = await tenant.AdminBrowserAsync();
        var page = await admin.GetStringAsync("admin/charter/settings");
        Assert.Contains("Charter settings", page, StringComparison.Ordinal);
        Assert.Contains("id=\"settings-gate-employees\"", page, StringComparison.Ordinal);
        try
        {
            var refused = await admin.SubmitAsync("admin/charter/settings", "admin/charter/settings", new Dictionary<string, string>
            {
                ["GateEmployees"] = "true",
                ["GraceDays"] = "45",
                ["EditorialExpanded"] = "true",
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var form = await refused.Content.ReadAsStringAsync();
            Assert.Contains("id=\"settings-grace-days-error\"", form, StringComparison.Ordinal);
            Assert.Contains("value=\"45\"", form, StringComparison.Ordinal);

            var saved = await admin.SubmitAsync("admin/charter/settings", "admin/charter/settings", new Dictionary<string, string>
            {
                ["GateEmployees"] = "true",
                ["GateGuests"] = "true",
                ["GraceDays"] = "0",
                ["EditorialExpanded"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("<details class=\"charter-composer\" open=\"open\">", await admin.GetStringAsync("feed"), StringComparison.Ordinal);
            var settings = await (await tenant.Admin.GetAsync("api/v1/charter/settings")).ExpectJsonAsync(HttpStatusCode.OK);
            Assert.True(settings.GetProperty("editorialExpanded").GetBoolean());
            Assert.True(settings.GetProperty("gateGuests").GetBoolean());
        }
        finally
        {
            await ResetAsync();
        }

        Assert.Contains("<details class=\"charter-composer\">", await admin.GetStringAsync("feed"), StringComparison.Ordinal);
    }

    private async Task ResetAsync() =>
        await (await tenant.Admin.PutAsJsonAsync("api/v1/charter/settings", new { gateEmployees = true, gateGuests = true, graceDays = 0, editorialExpanded = false })).ExpectJsonAsync(HttpStatusCode.OK);
}

[Collection(WebCollection.Name)]
public sealed class CharterSettingsTestsOnSqlite(CharterPagesSqliteTenant tenant) : CharterSettingsTests(tenant), IClassFixture<CharterPagesSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class CharterSettingsTestsOnPostgres(CharterPagesPostgresTenant tenant) : CharterSettingsTests(tenant), IClassFixture<CharterPagesPostgresTenant>;
