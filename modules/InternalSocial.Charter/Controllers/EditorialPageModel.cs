namespace InternalSocial.Charter.Controllers;

/// <summary>The editorial charter whole: its rules as a table of contents and its text with the rules anchored.</summary>
internal sealed record EditorialPageModel(int? Version, DateTime? PublishedUtc, IReadOnlyList<(int Number, string Title)> Rules, string Html);
