using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Notifications", "Notifications",
    Description = "Tells people what concerns them (mentions, answers, approvals, invitations): in the site, live, and by e-mail.",
    Category = "Communication")]
[assembly: Feature("InternalSocial.Notifications", "Notifications",
    Description = "Tells people what concerns them (mentions, answers, approvals, invitations): in the site, live, and by e-mail.",
    Dependencies = ["InternalSocial.Users"])]
[assembly: Feature("InternalSocial.Notifications.Email", "Notifications by e-mail",
    Description = "Sends notifications by e-mail, at once or in a daily or weekly digest, as each person chooses.",
    Dependencies = ["InternalSocial.Notifications", "InternalSocial.Email"])]
