using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Tenants", "Tenants",
    Description = "Lets the Default organisation's administrators create, set up and disable other organisations.",
    Category = "Infrastructure")]
[assembly: Feature("InternalSocial.Tenants", "Tenants",
    Description = "Lets the Default organisation's administrators create, set up and disable other organisations.",
    Dependencies = ["InternalSocial.Admin"],
    DefaultTenantOnly = true)]
