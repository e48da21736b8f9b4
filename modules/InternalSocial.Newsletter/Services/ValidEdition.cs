namespace InternalSocial.Newsletter.Services;

/// <summary>An edition's fields once trimmed and checked, whether they come from a form or from the database.</summary>
internal sealed record ValidEdition(string Title, string Intro, IReadOnlyList<BlockInput> Blocks, bool Everyone, IReadOnlyList<string> Departments, IReadOnlyList<string> Sites, IReadOnlyList<long> Groups)
{
    /// <summary>The single group the edition goes to, when it goes to nobody else: the only audience a group's post may reach.</summary>
    public long? OnlyGroup => !Everyone && Departments.Count == 0 && Sites.Count == 0 && Groups.Count == 1 ? Groups[0] : null;
}
