using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Themes.Employee", "Employee theme",
    Description = "The default look of the employee site, with a plain layout for the administration.",
    Category = "Themes")]
[assembly: Feature("InternalSocial.Themes.Employee", "Employee theme",
    Description = "The default look of the employee site, with a plain layout for the administration.",
    IsAlwaysEnabled = true,
    IsTheme = true)]
