using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Workflows", "Workflows and moderation",
    Description = "Approval before publishing, moderation queues, escalation: workflows defined as data and run on events.",
    Category = "Governance")]
[assembly: Feature("InternalSocial.Workflows", "Workflows",
    Description = "Runs workflows defined as data on the events modules raise: approvals assigned to moderators, conditions, timers, escalation; the moderation queue and log.",
    Dependencies = ["InternalSocial.Users"])]
[assembly: Feature("InternalSocial.Workflows.Notifications", "Workflow notifications",
    Description = "Tells moderators about tasks assigned to them and lets workflows notify people.",
    Dependencies = ["InternalSocial.Workflows", "InternalSocial.Notifications"])]
