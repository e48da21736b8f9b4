namespace InternalSocial.Users.Services;

internal sealed record CustomFieldView(string Id, string Label, string Kind, string Visibility, string? Value, IReadOnlyList<string> Choices);
