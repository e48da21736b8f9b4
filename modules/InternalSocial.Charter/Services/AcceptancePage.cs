namespace InternalSocial.Charter.Services;

/// <summary>A page of the acceptances list; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
internal sealed record AcceptancePage(IReadOnlyList<AcceptanceRow> Items, string? Next);
