using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using InternalSocial.Benchmarks.Hosting;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Benchmarks;

/// <summary>
/// The directory (<c>GET /api/v1/users?…</c>, one page of 50) with 10,000 and 100,000 people in the Default tenant's
/// SQLite database, through the whole host: token authentication, permission check, query, JSON. The people are
/// written with plain SQL in one transaction (the import is not what is measured), with the same folded columns and
/// name tokens the Users module keeps.
/// </summary>
[MemoryDiagnoser]
public class DirectoryBenchmarks
{
    private static readonly string[] FirstNames = ["Marie", "Jean", "Camille", "Lucas", "Chloé", "Hugo", "Léa", "Louis", "Emma", "Gabriel", "Manon", "Arthur", "Inès", "Jules", "Sarah", "Adam", "Zoé", "Nathan", "Alice", "Paul", "Anna", "Tom", "Julia", "Noah", "Eva", "Leo", "Mila", "Ethan", "Rose", "Sacha", "Lina", "Raphaël", "Nina", "Victor", "Clara", "Martin", "Jade", "Oscar", "Lou", "Théo"];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin"];
    private static readonly string[] Departments = ["Engineering", "Finance", "Human Resources", "Marketing", "Sales", "Legal", "Operations", "Support", "Research", "Logistics", "Purchasing", "Communication", "Quality", "Security", "Data", "Design", "Facilities", "Training", "Strategy", "Customer Success"];
    private static readonly string[] Sites = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux", "Brussels", "Geneva", "Montréal"];
    private static readonly string[] Languages = ["French", "English", "Spanish", "German", "Italian", "Portuguese", "Arabic", "Dutch"];

    private InternalSocialHost? _host;

    [Params(10_000, 100_000)]
    public int People { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await InternalSocialHost.StartAsync(Transport.InMemory);
        var shell = await _host.Shells.GetOrCreateShellAsync(InternalSocialHost.Tenant, CancellationToken.None);
        string? token = null;
        await shell.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<UsersDbContext>();
            await SeedAsync(db, People);
            var reader = await db.Users.Where(u => u.UserName == "person0").Select(u => u.Id).FirstAsync();
            token = (await services.GetRequiredService<AccessTokenService>().CreateForUserAsync(reader, "bench", null, CancellationToken.None)).Token;
        });
        _host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The rare combination may find nobody among 10,000: a page of nobody is still a full search.
        foreach (var query in new[] { NamePrefixQuery, DepartmentQuery, SkillAndDepartmentQuery })
        {
            if (!(await _host.GetAsync(query)).Contains("\"userName\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{query} found nobody: the benchmark would measure an empty answer.");
            }
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

    private const string NamePrefixQuery = "/api/v1/users?q=mar";
    private const string DepartmentQuery = "/api/v1/users?department=finance";
    private const string SkillAndDepartmentQuery = "/api/v1/users?skill=skill042&department=engineering";
    private const string LanguageAndSiteQuery = "/api/v1/users?q=dur%20cam&language=german&site=lyon";

    /// <summary>Everyone whose first or last name starts with "mar" (Marie, Martin, Martinez…): about a tenth of the people.</summary>
    [Benchmark]
    public Task<string> NamePrefix() => _host!.GetAsync(NamePrefixQuery);

    /// <summary>One department of twenty: a twentieth of the people.</summary>
    [Benchmark]
    public Task<string> Department() => _host!.GetAsync(DepartmentQuery);

    /// <summary>A skill held by one person in 70, in one department: a few people in 10,000.</summary>
    [Benchmark]
    public Task<string> SkillAndDepartment() => _host!.GetAsync(SkillAndDepartmentQuery);

    /// <summary>Two name prefixes, a language and a site: rare.</summary>
    [Benchmark]
    public Task<string> NamesLanguageAndSite() => _host!.GetAsync(LanguageAndSiteQuery);

    private static async Task SeedAsync(UsersDbContext db, int count)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var employeeRole = await db.Roles.Where(r => r.NormalizedName == "EMPLOYEE").Select(r => r.Id).FirstAsync();
        await using var user = Command(connection, transaction,
            "INSERT INTO \"Users_Users\" (\"Id\",\"UserName\",\"NormalizedUserName\",\"Email\",\"NormalizedEmail\",\"EmailConfirmed\",\"SecurityStamp\",\"ConcurrencyStamp\",\"PhoneNumberConfirmed\",\"TwoFactorEnabled\",\"LockoutEnabled\",\"AccessFailedCount\",\"DisplayName\",\"CreatedUtc\",\"JobTitle\",\"Department\",\"NormalizedDepartment\",\"Site\",\"NormalizedSite\",\"DirectoryKey\",\"IsActive\",\"ManagerId\") "
            + "VALUES (@id,@userName,@normalizedUserName,@email,@normalizedEmail,1,@stamp,@stamp,0,0,1,0,@displayName,'2026-01-01 00:00:00+00:00',@jobTitle,@department,@normalizedDepartment,@site,@normalizedSite,@key,1,@manager)",
            "id", "userName", "normalizedUserName", "email", "normalizedEmail", "stamp", "displayName", "jobTitle", "department", "normalizedDepartment", "site", "normalizedSite", "key", "manager");
        await using var term = Command(connection, transaction,
            "INSERT INTO \"Users_PersonTerms\" (\"UserId\",\"Kind\",\"Value\",\"Display\") VALUES (@userId,@kind,@value,@display)", "userId", "kind", "value", "display");
        await using var role = Command(connection, transaction,
            "INSERT INTO \"Users_UserRoles\" (\"UserId\",\"RoleId\") VALUES (@userId,@roleId)", "userId", "roleId");
        var random = new Random(42);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.NewGuid().ToString();
            var userName = "person" + i.ToString(CultureInfo.InvariantCulture);
            var displayName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var department = Departments[i % Departments.Length];
            var site = Sites[random.Next(Sites.Length)];
            var email = userName + "@bench.invalid";
            await ExecuteAsync(user, ids[i], userName, userName.ToUpperInvariant(), email, email.ToUpperInvariant(), Guid.NewGuid().ToString(), displayName,
                "Analyst", department, Folding.Fold(department), site, Folding.Fold(site), Folding.Fold(displayName) + "|" + ids[i], i < 50 ? DBNull.Value : ids[random.Next(i / 10, i / 2)]);
            await ExecuteAsync(role, ids[i], employeeRole);
            foreach (var token in Folding.Tokens(displayName + " " + userName))
            {
                await ExecuteAsync(term, ids[i], "name", token, "");
            }

            foreach (var skill in Enumerable.Range(0, 3).Select(_ => "Skill" + random.Next(200).ToString("D3", CultureInfo.InvariantCulture)).Distinct())
            {
                await ExecuteAsync(term, ids[i], "skill", Folding.Tag(skill), skill);
            }

            var language = Languages[random.Next(Languages.Length)];
            await ExecuteAsync(term, ids[i], "language", Folding.Tag(language), language);
        }

        // No ANALYZE: the application never runs it, so the planner works as it does in production.
        await transaction.CommitAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }
}
