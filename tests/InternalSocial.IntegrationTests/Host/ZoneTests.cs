using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Security;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>Modules put widgets in the theme's zones, shown only while their feature is on and to those allowed.</summary>
[Collection(WebCollection.Name)]
public sealed class ZoneTests(SqliteTenant tenant) : IClassFixture<SqliteTenant>
{
    [Fact]
    public async Task The_home_page_shows_a_modules_widget_only_while_it_is_on_and_only_to_those_allowed()
    {
        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/enable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync("api/v1/quicklinks", new { title = "Canteen menu", url = "https://canteen.example.test" })).ExpectJsonAsync(HttpStatusCode.Created);
        await tenant.CreateUserAsync("guest1", "Gu3st-Password", BuiltInRoles.Guest);

        using var admin = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin", HostFixture.AdminPassword)).StatusCode);
        var home = await admin.GetStringAsync("");
        Assert.Contains("class=\"zone zone-home\"", home, StringComparison.Ordinal);
        Assert.Contains("Canteen menu", home, StringComparison.Ordinal);

        using var guest = tenant.Host.CreateClient(tenant.Prefix);
        Assert.Equal(HttpStatusCode.Redirect, (await guest.SignInAsync("guest1", "Gu3st-Password")).StatusCode);
        var guestHome = await guest.GetStringAsync("");
        Assert.Contains("Welcome, guest1", guestHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Canteen menu", guestHome, StringComparison.Ordinal);
        Assert.DoesNotContain("zone-home", guestHome, StringComparison.Ordinal);

        await (await tenant.Admin.PostAsync("api/v1/features/InternalSocial.QuickLinks/disable", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Canteen menu", await admin.GetStringAsync(""), StringComparison.Ordinal);
    }
}
