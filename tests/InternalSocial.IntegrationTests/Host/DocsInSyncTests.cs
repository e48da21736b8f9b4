using System.Net;
using System.Text.Json;
using InternalSocial.IntegrationTests.Infrastructure;
using InternalSocial.Kernel.Modules;
using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// The feature table and the API table of docs/architecture.md are generated from the manifests and from the OpenAPI
/// document of a tenant with every feature on (plus the Default tenant, for the features only it may enable). A
/// difference fails the test; with INTERNALSOCIAL_UPDATE_DOCS=1 the test also rewrites the tables.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DocsInSyncTests(DocsInSyncTests.Fixture fixture) : IClassFixture<DocsInSyncTests.Fixture>
{
    private static readonly string Architecture = Path.Combine(Repository.Root, "docs", "architecture.md");

    /// <summary>A tenant with every feature a tenant other than Default may enable.</summary>
    public sealed class Fixture() : TestTenant(DatabaseProvider.Sqlite, "default")
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var every = ShippedFeatures(Host.Services.GetRequiredService<FeatureCatalog>())
                .Where(f => !f.DefaultTenantOnly && f.Id != "InternalSocial.Setup")
                .Select(f => f.Id)
                .ToList();
            await Host.Services.GetRequiredService<FeatureManager>().EnableAsync(Name, every, CancellationToken.None);
        }
    }

    [Fact]
    public void The_feature_table_is_the_manifests()
    {
        var features = ShippedFeatures(fixture.Host.Services.GetRequiredService<FeatureCatalog>());

        var problem = GeneratedDocBlock.Check(Architecture, "features", DocsTables.Features(features));

        Assert.True(problem is null, problem);
    }

    [Fact]
    public async Task The_api_table_is_the_openapi_document()
    {
        var catalog = fixture.Host.Services.GetRequiredService<FeatureCatalog>();
        var modules = ShippedFeatures(catalog).Select(f => f.Module).DistinctBy(m => m.Id).ToList();
        var documents = new List<JsonElement>();
        var moduleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tenant, prefix) in new[] { (fixture.Name, fixture.Prefix), (ShellSettings.DefaultName, "") })
        {
            using var client = fixture.Host.CreateClient(prefix);
            documents.Add(await (await client.GetAsync("openapi/v1.json")).ExpectJsonAsync(HttpStatusCode.OK));
            var shell = await fixture.Host.ShellHost.GetOrCreateShellAsync(tenant, CancellationToken.None);
            DocsTables.AddModules(shell.Services.GetRequiredService<EndpointDataSource>(), modules, moduleOf);
        }

        var table = DocsTables.Api(documents, moduleOf);

        Assert.DoesNotContain("(unknown module)", table, StringComparison.Ordinal);
        var problem = GeneratedDocBlock.Check(Architecture, "api", table);
        Assert.True(problem is null, problem);
    }

    /// <summary>The features of the modules and themes the repository ships: not the test assembly's probe.</summary>
    private static List<FeatureInfo> ShippedFeatures(FeatureCatalog catalog) =>
        catalog.Features.Where(f => f.Module.Assembly != typeof(DocsInSyncTests).Assembly).ToList();
}
