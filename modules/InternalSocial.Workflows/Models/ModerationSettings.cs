

namespace InternalSocial.Workflows.Models;

internal sealed class ModerationSettings
{
    public const string DocumentId = "Workflows.Moderation";

    public List<ReportReason> ReportReasons { get; set; } = [];

    public static ModerationSettings Default => new()
    {
        ReportReasons =
        [
            new() { Key = "harassment", Labels = new() { ["en"] = "Harassment or hate", ["fr"] = "Harcèlement ou haine" } },
            new() { Key = "confidential", Labels = new() { ["en"] = "Confidential information", ["fr"] = "Information confidentielle" } },
            new() { Key = "spam", Labels = new() { ["en"] = "Spam or advertising", ["fr"] = "Spam ou publicité" } },
            new() { Key = "inappropriate", Labels = new() { ["en"] = "Inappropriate content", ["fr"] = "Contenu inapproprié" } },
            new() { Key = "other", Labels = new() { ["en"] = "Something else", ["fr"] = "Autre chose" } },
        ],
    };
}
