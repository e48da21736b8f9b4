using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Groups", "Groups",
    Description = "Project groups and communities: privacy, membership, join requests, mandatory groups and per-group modules.",
    Category = "Collaboration")]
[assembly: Feature("InternalSocial.Groups", "Groups",
    Description = "Project groups and communities: privacy, membership, join requests, mandatory groups and per-group modules.",
    Dependencies = ["InternalSocial.Admin"])]
[assembly: Feature("InternalSocial.Groups.Workflows", "Group moderators in workflows",
    Description = "Lets workflows assign approvals to a group's moderators, who then see them in their moderation queue.",
    Dependencies = ["InternalSocial.Groups", "InternalSocial.Workflows"])]
[assembly: Feature("InternalSocial.Groups.Notifications", "Group notifications",
    Description = "Tells people when they are invited to a group, with a link to accept or decline.",
    Dependencies = ["InternalSocial.Groups", "InternalSocial.Notifications"])]
