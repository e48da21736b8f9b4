using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Themes.Admin", "Administration theme",
    Description = "Dense and keyboard-friendly, for communication directors and moderators: the administration menu on the left, compact tables, dark mode.",
    Category = "Themes")]
[assembly: Feature("InternalSocial.Themes.Admin", "Administration theme",
    Description = "Dense and keyboard-friendly, for communication directors and moderators: the administration menu on the left, compact tables, dark mode.",
    IsAlwaysEnabled = true,
    IsAdminTheme = true)]
