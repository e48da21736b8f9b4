using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Home", "Home page",
    Description = "The home page of the employee site, where modules show their widgets.",
    Category = "Content")]
[assembly: Feature("InternalSocial.Home", "Home page",
    Description = "The home page of the employee site, where modules show their widgets.",
    IsAlwaysEnabled = true)]
