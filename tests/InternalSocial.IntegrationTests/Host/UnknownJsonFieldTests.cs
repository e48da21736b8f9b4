using System.Net;
using System.Net.Http.Json;
using InternalSocial.IntegrationTests.Infrastructure;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// Issue 17, point 4: a JSON field an endpoint does not know is refused with a 400 naming it, instead of being dropped
/// while the call answers success; a value of the wrong kind is named the same way. Nothing is half-applied.
/// </summary>
public abstract class UnknownJsonFieldTests(TestTenant tenant)
{
    [SkippableFact]
    public async Task A_person_created_with_a_field_the_api_does_not_know_is_refused_naming_it_and_not_created()
    {
        tenant.SkipIfUnavailable();
        var userName = "u" + Guid.NewGuid().ToString("N")[..8];
        var response = await tenant.Admin.PostAsJsonAsync("api/v1/users", new
        {
            userName,
            email = $"{userName}@{tenant.Name}.test",
            password = HostFixture.AdminPassword,
            department = "Finance",
        });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("department", error.Name);
        Assert.Contains("department", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(userName));
    }

    [SkippableFact]
    public async Task A_value_of_the_wrong_kind_is_named_and_nothing_is_created()
    {
        tenant.SkipIfUnavailable();
        var userName = "u" + Guid.NewGuid().ToString("N")[..8];
        using var body = JsonContent.Create(new { userName, email = $"{userName}@{tenant.Name}.test", password = HostFixture.AdminPassword, roles = "Employee" });

        var problem = await (await tenant.Admin.PostAsync("api/v1/users", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("roles", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        Assert.False(await ExistsAsync(userName));
    }

    [SkippableFact]
    public async Task A_body_that_is_not_json_is_named_as_the_body()
    {
        tenant.SkipIfUnavailable();
        using var body = new StringContent("{\"userName\": \"someone\", ", System.Text.Encoding.UTF8, "application/json");

        var problem = await (await tenant.Admin.PostAsync("api/v1/users", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("body", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
    }

    private async Task<bool> ExistsAsync(string userName)
    {
        var page = await (await tenant.Admin.GetAsync($"api/v1/users?q={userName}")).ExpectJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("userName").GetString() == userName);
    }
}

[Collection(WebCollection.Name)]
public sealed class UnknownJsonFieldsOnSqlite(SqliteTenant tenant) : UnknownJsonFieldTests(tenant), IClassFixture<SqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class UnknownJsonFieldsOnPostgres(PostgresTenant tenant) : UnknownJsonFieldTests(tenant), IClassFixture<PostgresTenant>;
