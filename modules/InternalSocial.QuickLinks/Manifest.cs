using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.QuickLinks", "Quick links",
    Description = "A curated list of the organisation's useful links (tools, HR portal, canteen menu) on a page and in the API.",
    Category = "Content")]
[assembly: Feature("InternalSocial.QuickLinks", "Quick links",
    Description = "A curated list of the organisation's useful links (tools, HR portal, canteen menu) on a page and in the API.",
    Dependencies = ["InternalSocial.Admin"])]
