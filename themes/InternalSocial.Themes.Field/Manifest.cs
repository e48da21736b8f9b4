using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Themes.Field", "Field theme",
    Description = "Compact and high-contrast, for staff on phones in warehouses, shops and on the road: large text, large touch targets, navigation at the bottom.",
    Category = "Themes")]
[assembly: Feature("InternalSocial.Themes.Field", "Field theme",
    Description = "Compact and high-contrast, for staff on phones in warehouses, shops and on the road: large text, large touch targets, navigation at the bottom.",
    IsTheme = true)]
