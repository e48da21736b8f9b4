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
[assembly: Feature("InternalSocial.Charter.Feed", "Editorial charter beside the composer",
    Description = "Shows the editorial charter, folded, beside the feed's composer, each rule with its own link.",
    Dependencies = ["InternalSocial.Charter", "InternalSocial.Feed"])]
[assembly: Feature("InternalSocial.Charter.Moderation", "Charter rules in moderation",
    Description = "Lets a moderator cite a rule of the editorial charter when rejecting a post; the author is told which rule and where to read it.",
    Dependencies = ["InternalSocial.Charter", "InternalSocial.Workflows"])]
