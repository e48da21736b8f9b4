namespace InternalSocial.Users.Services;

public sealed record CustomFieldView(string Id, string Label, string Kind, string Visibility, string? Value, IReadOnlyList<string> Choices);
