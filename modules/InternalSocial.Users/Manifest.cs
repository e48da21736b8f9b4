using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Users", "Users",
    Description = "Accounts, sign-in, roles and their permissions, personal access tokens for the API.",
    Category = "Security")]
[assembly: Feature("InternalSocial.Users", "Users",
    Description = "Accounts, sign-in, roles and their permissions, personal access tokens for the API.",
    IsAlwaysEnabled = true)]
