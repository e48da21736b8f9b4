using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Feed", "Feed",
    Description = "The news feed: posts, comments, reactions, tags, mentions, announcements and relays.",
    Category = "Content")]
[assembly: Feature("InternalSocial.Feed", "Feed",
    Description = "The news feed: posts, comments, reactions, tags, mentions, announcements and relays.",
    Dependencies = ["InternalSocial.Admin"])]
