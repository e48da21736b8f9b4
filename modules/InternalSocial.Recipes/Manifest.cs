using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Recipes", "Recipes",
    Description = "Run recipes in the administration and through the API, see their history, export the organisation's configuration as a recipe.",
    Category = "Infrastructure")]
[assembly: Feature("InternalSocial.Recipes", "Recipes",
    Description = "Run recipes in the administration and through the API, see their history, export the organisation's configuration as a recipe.",
    Dependencies = ["InternalSocial.Admin"])]
