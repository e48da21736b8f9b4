using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Newsletter", "Newsletter",
    Description = "Communication directors compose a newsletter from chosen posts and free text, send it by e-mail to everyone or to departments and sites, and see its opens and clicks.",
    Category = "Communication")]
[assembly: Feature("InternalSocial.Newsletter", "Newsletter",
    Description = "Communication directors compose a newsletter from chosen posts and free text, send it by e-mail to everyone or to departments and sites, and see its opens and clicks.",
    Dependencies = ["InternalSocial.Feed", "InternalSocial.Email", "InternalSocial.Users"])]
[assembly: Feature("InternalSocial.Newsletter.Groups", "Newsletter to groups",
    Description = "Sends a newsletter edition to the members of chosen groups, with that group's own posts when it goes to exactly one group.",
    Dependencies = ["InternalSocial.Newsletter", "InternalSocial.Groups"])]
[assembly: Feature("InternalSocial.Newsletter.Notifications", "Newsletter in notification settings",
    Description = "Shows the newsletter switch among each person's notification settings, so that someone who unsubscribed can subscribe again.",
    Dependencies = ["InternalSocial.Newsletter", "InternalSocial.Notifications"])]
