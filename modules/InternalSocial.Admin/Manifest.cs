using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Admin", "Administration",
    Description = "The administration: dashboard, features of the organisation, and its settings.",
    Category = "Infrastructure")]
[assembly: Feature("InternalSocial.Admin", "Administration",
    Description = "The administration: dashboard, features of the organisation, and its settings.",
    Dependencies = ["InternalSocial.Users"],
    IsAlwaysEnabled = true)]
