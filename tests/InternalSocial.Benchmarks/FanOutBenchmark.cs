using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Data;
using InternalSocial.Users.Models;
using InternalSocial.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// <c>--fanout [people]</c> (issue 9): one announcement to acknowledge, posted to everyone through the API, with that many
/// people: the time of the request, which only queues the fan-out for an audience this large, then the time of the
/// background task that writes every in-app notification and queues every e-mail (the kind's default is "e-mail at
/// once"), then the rows counted. Sending the mails is the outbox's background work, not measured here.
/// </summary>
internal static class FanOutBenchmark
{
    public static async Task RunAsync(int people, TextWriter output)
    {
        await using var host = await InternalSocialHost.StartAsync(Transport.Kestrel);
        await host.Features.EnableAsync(InternalSocialHost.Tenant,
            ["InternalSocial.Feed", "InternalSocial.Email", "InternalSocial.Notifications", "InternalSocial.Notifications.Email", "InternalSocial.Feed.Notifications"], CancellationToken.None);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        var token = await shell.InScopeAsync(async services =>
        {
            var admin = await services.GetRequiredService<UserManager<User>>().FindByNameAsync("admin") ?? throw new InvalidOperationException("No admin.");
            return (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(admin.Id, "bench", null, CancellationToken.None)).Token;
        });
        var database = shell.Services.GetRequiredService<TenantDatabase>();
        await FeedBenchmark.SeedAsync(database, people, 0);

        var client = host.Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // A first, small announcement warms the path (JIT, caches) before the measured one.
        (await client.PostAsJsonAsync("/api/v1/posts", new { body = "Warm-up", announcement = true, audience = new { departments = new[] { "nobody" } } })).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { body = "New safety rules: please read and acknowledge.", announcement = true, requireAcknowledgement = true });
        watch.Stop();
        response.EnsureSuccessStatusCode();

        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        // The background fan-out: the tenant's fan-out task, run until every chunk is written (the outbox's sending is not
        // measured: it depends on the SMTP server).
        var background = Stopwatch.StartNew();
        var runs = 0;
        while (await CountAsync("SELECT COUNT(*) FROM \"Notifications_FanOuts\" WHERE \"CompletedUtc\" IS NULL") > 0)
        {
            await shell.InScopeAsync(services => services.GetServices<IBackgroundTask>().Single(task => task.GetType().Name == "FanOutTask").RunAsync(CancellationToken.None));
            runs++;
        }

        background.Stop();
        var notifications = await CountAsync("SELECT COUNT(*) FROM \"Notifications_Items\" WHERE \"Kind\" = 'feed.acknowledgement'");
        var mails = await CountAsync("SELECT COUNT(*) FROM \"Email_Outbox\"");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {database.Provider}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One announcement to acknowledge, to everyone ({people:N0} people): the request took {watch.Elapsed.TotalMilliseconds:N0} ms; the background fan-out then took {background.Elapsed.TotalMilliseconds:N0} ms in {runs} run(s) of its task, writing {notifications:N0} in-app notifications and queuing {mails:N0} e-mails."));
    }
}
