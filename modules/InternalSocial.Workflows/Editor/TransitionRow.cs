namespace InternalSocial.Workflows.Editor;

public sealed class TransitionRow
{
    public string? From { get; set; }

    /// <summary>Empty means "done".</summary>
    public string? Outcome { get; set; }

    public string? To { get; set; }

    public bool Remove { get; set; }
}
