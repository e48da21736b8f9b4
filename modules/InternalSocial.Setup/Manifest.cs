using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Setup", "Setup",
    Description = "The setup page an organisation sees before it is set up.",
    Category = "Infrastructure")]
