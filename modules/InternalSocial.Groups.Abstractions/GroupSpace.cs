namespace InternalSocial.Groups.Abstractions;

/// <summary>A group as the page of another module's tab needs it: its id, its slug for links, its name for the title.</summary>
public sealed record GroupSpace(long Id, string Slug, string Name);
