using System.Net;
using InternalSocial.IntegrationTests.Infrastructure;
using static InternalSocial.IntegrationTests.Polls.SurveysTenant;

namespace InternalSocial.IntegrationTests.Polls;

/// <summary>The survey's notifications: "new survey" to its audience, reminders to those of it who have not answered, once a round.</summary>
public abstract class SurveyReminderTests(SurveysTenant tenant)
{
    [SkippableFact]
    public async Task Reminders_reach_only_audience_members_who_have_not_answered_once_a_round()
    {
        tenant.SkipIfUnavailable();
        var id = await CreateSurveyAsync(tenant.Director, Survey(audience: new { sites = new[] { "Brest" } }, visibility: "afterClose", reminders: new { mode = "every", days = 3 }));
        var brest = await tenant.PeopleAsync("brest", 3, "Ops", "Brest");
        var (_, outsider) = (await tenant.PeopleAsync("toulon", 1, "Ops", "Toulon"))[0];
        var url = $"/surveys/{id}";
        try
        {
            tenant.Host.Clock.Advance(TimeSpan.FromMinutes(2));
            await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
            foreach (var (_, client) in brest)
            {
                Assert.Single(await NotificationsAsync(client), n => n.GetProperty("kind").GetString() == "surveys.new" && n.GetProperty("url").GetString() == url);
            }

            var survey = await GetSurveyAsync(brest[0].Client, id);
            await (await RespondAsync(brest[0].Client, id, Answers(survey))).ExpectJsonAsync(HttpStatusCode.NoContent);
            tenant.Host.Clock.Advance(TimeSpan.FromDays(3));
            await tenant.Runner.RunDueTasksAsync(CancellationToken.None);
            tenant.Host.Clock.Advance(TimeSpan.FromMinutes(2));
            await tenant.Runner.RunDueTasksAsync(CancellationToken.None);

            Assert.DoesNotContain(await NotificationsAsync(brest[0].Client), n => n.GetProperty("kind").GetString() == "surveys.reminder");
            foreach (var (_, client) in brest.Skip(1))
            {
                Assert.Single(await NotificationsAsync(client), n => n.GetProperty("kind").GetString() == "surveys.reminder" && n.GetProperty("url").GetString() == url);
            }

            Assert.DoesNotContain(await NotificationsAsync(outsider), n => n.GetProperty("url").GetString() == url);
            Assert.DoesNotContain(await NotificationsAsync(tenant.Voter), n => n.GetProperty("url").GetString() == url);

            // Closing tells those who answered that the results are out, and nobody else.
            await (await tenant.Director.PostAsync($"api/v1/surveys/{id}/close", null)).ExpectJsonAsync(HttpStatusCode.NoContent);
            Assert.Single(await NotificationsAsync(brest[0].Client), n => n.GetProperty("kind").GetString() == "surveys.results");
            Assert.DoesNotContain(await NotificationsAsync(brest[1].Client), n => n.GetProperty("kind").GetString() == "surveys.results");
        }
        finally
        {
            tenant.Host.Clock.Reset();
        }
    }
}

[Collection(WebCollection.Name)]
public sealed class SurveyReminderTestsOnSqlite(SurveysSqliteTenant tenant) : SurveyReminderTests(tenant), IClassFixture<SurveysSqliteTenant>;

[Collection(WebCollection.Name)]
public sealed class SurveyReminderTestsOnPostgres(SurveysPostgresTenant tenant) : SurveyReminderTests(tenant), IClassFixture<SurveysPostgresTenant>;
