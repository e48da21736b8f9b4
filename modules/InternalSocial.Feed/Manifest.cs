using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Feed", "Feed",
    Description = "The news feed: posts, comments, reactions, tags, mentions, announcements and relays.",
    Category = "Content")]
[assembly: Feature("InternalSocial.Feed", "Feed",
    Description = "The news feed: posts, comments, reactions, tags, mentions, announcements and relays.",
    Dependencies = ["InternalSocial.Admin"])]
[assembly: Feature("InternalSocial.Feed.Groups", "Feed in groups",
    Description = "Posts in groups: members read and post in their groups' feeds, following each group's privacy and posting policy.",
    Dependencies = ["InternalSocial.Feed", "InternalSocial.Groups"])]
[assembly: Feature("InternalSocial.Feed.Notifications", "Feed notifications",
    Description = "Tells people when they are mentioned or when their post gets a comment, if they may see the post.",
    Dependencies = ["InternalSocial.Feed", "InternalSocial.Notifications"])]
[assembly: Feature("InternalSocial.Feed.Workflows", "Feed workflows",
    Description = "Lets workflows hold posts for approval and publish, reject or send them back.",
    Dependencies = ["InternalSocial.Feed", "InternalSocial.Workflows"])]
