using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Groups", "Groups",
    Description = "Project groups and communities: privacy, membership, join requests, mandatory groups and per-group modules.",
    Category = "Collaboration")]
[assembly: Feature("InternalSocial.Groups", "Groups",
    Description = "Project groups and communities: privacy, membership, join requests, mandatory groups and per-group modules.",
    Dependencies = ["InternalSocial.Admin"])]
