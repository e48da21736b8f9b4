using InternalSocial.Kernel.Modules;

[assembly: Module("InternalSocial.Email", "E-mail",
    Description = "Sends the organisation's e-mails through its SMTP server, from a persistent outbox retried in the background.",
    Category = "Communication")]
[assembly: Feature("InternalSocial.Email", "E-mail",
    Description = "Sends the organisation's e-mails through its SMTP server, from a persistent outbox retried in the background.",
    Dependencies = ["InternalSocial.Admin"])]
