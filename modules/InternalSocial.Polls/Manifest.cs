using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Polls", "Polls",
    Description = "Polls with single or multiple choice, a deadline, anonymous or named votes and results shown when the author chooses.",
    Category = "Engagement")]
[assembly: Feature("InternalSocial.Polls", "Polls",
    Description = "Polls with single or multiple choice, a deadline, anonymous or named votes and results shown when the author chooses.",
    Dependencies = ["InternalSocial.Admin", "InternalSocial.Users"])]
[assembly: Feature("InternalSocial.Polls.Feed", "Polls in posts",
    Description = "Adds a poll to a post: its readers are the post's readers.",
    Dependencies = ["InternalSocial.Polls", "InternalSocial.Feed"])]
[assembly: Feature("InternalSocial.Polls.Groups", "Polls in groups",
    Description = "Standalone polls inside a group, seen by those who may read the group.",
    Dependencies = ["InternalSocial.Polls", "InternalSocial.Groups"])]
[assembly: Feature("InternalSocial.Polls.Notifications", "Poll notifications",
    Description = "Tells a poll's audience about new polls and published results.",
    Dependencies = ["InternalSocial.Polls", "InternalSocial.Notifications"])]
[assembly: Feature("InternalSocial.Polls.Workflows", "Poll workflow events",
    Description = "Raises the workflow event polls.closed when a poll closes.",
    Dependencies = ["InternalSocial.Polls", "InternalSocial.Workflows"])]
