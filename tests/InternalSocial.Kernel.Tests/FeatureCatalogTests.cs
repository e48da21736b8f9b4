using InternalSocial.Kernel.Modules;

namespace InternalSocial.Kernel.Tests;

public sealed class FeatureCatalogTests
{
    private static readonly ModuleInfo Module = new("M", "M", "", "General", "1.0", typeof(FeatureCatalogTests).Assembly);

    private static FeatureInfo Feature(string id, params string[] dependencies) =>
        new(id, id, "", "General", dependencies, IsAlwaysEnabled: false, DefaultTenantOnly: false, Module);

    [Fact]
    public void Features_come_after_everything_they_depend_on()
    {
        var catalog = new FeatureCatalog([Feature("Feed", "Users", "Notifications"), Feature("Notifications", "Users"), Feature("Users"), Feature("Polls", "Feed")]);

        var order = catalog.Features.Select(f => f.Id).ToList();

        Assert.Equal(["Users", "Notifications", "Feed", "Polls"], order);
    }

    [Fact]
    public void Independent_features_keep_their_declared_order()
    {
        var catalog = new FeatureCatalog([Feature("B"), Feature("A"), Feature("C")]);

        Assert.Equal(["B", "A", "C"], catalog.Features.Select(f => f.Id));
    }

    [Fact]
    public void A_cycle_is_refused_with_the_features_that_form_it()
    {
        var error = Assert.Throws<ModuleCatalogException>(() =>
            new FeatureCatalog([Feature("A", "B"), Feature("B", "C"), Feature("C", "A"), Feature("D")]));

        Assert.Contains("cycle", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_depending_on_itself_is_a_cycle()
    {
        var error = Assert.Throws<ModuleCatalogException>(() => new FeatureCatalog([Feature("A", "A")]));

        Assert.Contains("A -> A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dependency_is_refused_naming_both_features()
    {
        var error = Assert.Throws<ModuleCatalogException>(() => new FeatureCatalog([Feature("Polls", "Feed")]));

        Assert.Contains("'Polls' needs 'Feed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_feature_id_is_refused()
    {
        var error = Assert.Throws<ModuleCatalogException>(() => new FeatureCatalog([Feature("Feed"), Feature("Feed")]));

        Assert.Contains("Feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabling_pulls_in_dependencies_transitively_in_order()
    {
        var catalog = new FeatureCatalog([Feature("Users"), Feature("Feed", "Users"), Feature("Polls", "Feed"), Feature("Chat", "Users")]);

        var enabled = catalog.WithDependencies(["Polls"]).Select(f => f.Id);

        Assert.Equal(["Users", "Feed", "Polls"], enabled);
    }

    [Fact]
    public void Dependents_are_found_transitively_among_the_enabled_features_only()
    {
        var catalog = new FeatureCatalog([Feature("Users"), Feature("Feed", "Users"), Feature("Polls", "Feed"), Feature("Chat", "Users")]);

        var dependents = catalog.DependentsOf("Users", ["Users", "Feed", "Polls"]).Select(f => f.Id);

        Assert.Equal(["Feed", "Polls"], dependents);
    }

    [Fact]
    public void An_unknown_feature_id_is_reported_by_name()
    {
        var catalog = new FeatureCatalog([Feature("Users")]);

        var error = Assert.Throws<UnknownFeatureException>(() => catalog.WithDependencies(["Nope"]));

        Assert.Equal("Nope", error.FeatureId);
    }

    [Fact]
    public void Real_module_assemblies_without_manifest_are_refused()
    {
        var error = Assert.Throws<ModuleCatalogException>(() => new FeatureCatalog([typeof(FeatureCatalogTests).Assembly]));

        Assert.Contains("has no [assembly: Module] attribute", error.Message, StringComparison.Ordinal);
    }
}
