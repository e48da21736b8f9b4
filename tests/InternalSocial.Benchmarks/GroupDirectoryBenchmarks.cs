using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// The group directory and the group picker with 20,000 groups (70% public, 20% private, 10% secret) and an employee
/// who is a member of 500 of them, over the real host and the JSON API (SQLite, in-memory transport).
/// </summary>
[MemoryDiagnoser]
public class GroupDirectoryBenchmarks
{
    public const int Groups = 20_000;
    public const int MyGroups = 500;
    private const string Password = "Bench-Passw0rd";
    private static readonly string[] Words = ["Marketing", "Lyon", "Cloud", "Safety", "Design", "Finance", "Runners", "Java", "Onboarding", "Sales"];

    private InternalSocialHost? _host;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await InternalSocialHost.StartAsync(Transport.InMemory);
        await _host.Features.EnableAsync(InternalSocialHost.Tenant, ["InternalSocial.Groups"], CancellationToken.None);
        await SeedAsync(_host);
        using var login = await _host.Client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "bench", password = Password, name = "bench" });
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        _host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Fails loudly when the data is not what the benchmark claims to measure.
        var picker = await _host.GetAsync("/api/v1/groups/picker");
        if (!picker.Contains("\"id\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The picker found none of the user's groups: " + picker);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The directory's first page (30 groups by name), public and private groups plus the user's secret ones.</summary>
    [Benchmark]
    public Task<string> DirectoryFirstPage() => _host!.GetAsync("/api/v1/groups");

    /// <summary>A search by a word in about a tenth of the names.</summary>
    [Benchmark]
    public Task<string> DirectorySearch() => _host!.GetAsync("/api/v1/groups?q=lyon");

    /// <summary>"My groups" filtered by type: the user's 500 memberships.</summary>
    [Benchmark]
    public Task<string> DirectoryMineProjects() => _host!.GetAsync("/api/v1/groups?mine=true&type=Project");

    /// <summary>The picker without a search: the user's first 20 postable groups.</summary>
    [Benchmark]
    public Task<string> Picker() => _host!.GetAsync("/api/v1/groups/picker");

    /// <summary>The picker while typing.</summary>
    [Benchmark]
    public Task<string> PickerSearch() => _host!.GetAsync("/api/v1/groups/picker?q=cloud");

    /// <summary>20,000 groups owned by the administrator; "bench" (an employee) is a member of one in 40.</summary>
    public static async Task SeedAsync(InternalSocialHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var shell = await host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        await shell.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var bench = new User { UserName = "bench", Email = "bench@bench.invalid", DisplayName = "Bench", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Check((await users.CreateAsync(bench, Password)).Succeeded);
            Check((await users.AddToRoleAsync(bench, Kernel.Security.BuiltInRoles.Employee)).Succeeded);
            var admin = (await users.FindByNameAsync("admin"))!;
            var db = services.GetRequiredService<GroupsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var start = 0; start < Groups; start += 2000)
            {
                var batch = Enumerable.Range(start, 2000).Select(i => new Group
                {
                    Name = $"{Words[i % Words.Length]} group {i:D5}",
                    NormalizedName = $"{Words[i % Words.Length]} group {i:D5}".ToUpperInvariant(),
                    Slug = $"{Words[i % Words.Length].ToLowerInvariant()}-group-{i:D5}",
                    Type = i % 3 == 0 ? GroupType.Project : GroupType.Community,
                    Visibility = (i % 10) switch { < 7 => GroupVisibility.Public, < 9 => GroupVisibility.Private, _ => GroupVisibility.Secret },
                    MemberCount = 1,
                    CreatedUtc = DateTime.UtcNow,
                    CreatedBy = admin.Id,
                }).ToList();
                db.Groups.AddRange(batch);
                await db.SaveChangesAsync();
                db.Members.AddRange(batch.Select(g => new GroupMember { GroupId = g.Id, UserId = admin.Id, Role = GroupRole.Owner, JoinedUtc = DateTime.UtcNow }));
                db.Members.AddRange(batch.Where((_, n) => IsMine(start + n))
                    .Select(g => new GroupMember { GroupId = g.Id, UserId = bench.Id, Role = GroupRole.Member, JoinedUtc = DateTime.UtcNow }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        });
    }

    /// <summary>One group in 40, spread over the visibilities like the rest (70% public, 20% private, 10% secret).</summary>
    private static bool IsMine(int i) => i % (Groups / MyGroups) == (i / (Groups / MyGroups)) % 10;

    private static void Check(bool succeeded)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("Seeding the benchmark's people failed.");
        }
    }
}
