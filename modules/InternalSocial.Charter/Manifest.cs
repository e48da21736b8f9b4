using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Charter", "Charter",
    Description = "A usage charter each person accepts before entering, an editorial charter beside the composer, versions and proof of acceptance.",
    Category = "Governance")]
[assembly: Feature("InternalSocial.Charter", "Charter",
    Description = "A usage charter each person accepts before entering, an editorial charter beside the composer, versions and proof of acceptance.",
    Dependencies = ["InternalSocial.Users"])]
[assembly: Feature("InternalSocial.Charter.Notifications", "Charter notifications",
    Description = "Tells people when a new version of their charter awaits their acceptance.",
    Dependencies = ["InternalSocial.Charter", "InternalSocial.Notifications"])]
[assembly: Feature("InternalSocial.Charter.Workflows", "Charter workflow events",
    Description = "Raises the workflow event charter.accepted when a person accepts a charter.",
    Dependencies = ["InternalSocial.Charter", "InternalSocial.Workflows"])]
