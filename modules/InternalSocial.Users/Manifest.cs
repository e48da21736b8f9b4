using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Users", "Users",
    Description = "Accounts, sign-in, roles and their permissions, personal access tokens for the API.",
    Category = "Security")]
[assembly: Feature("InternalSocial.Users", "Users",
    Description = "Accounts, sign-in, roles and their permissions, personal access tokens for the API.",
    IsAlwaysEnabled = true)]
[assembly: Feature("InternalSocial.Users.OpenIdConnect", "OpenID Connect sign-in",
    Description = "Sign-in with the organisation's OpenID Connect provider (Entra ID, Keycloak, Google Workspace…); accounts linked or created at the first sign-in.",
    Category = "Security",
    Dependencies = ["InternalSocial.Users"])]
