namespace InternalSocial.Workflows.Editor;

internal sealed class TransitionRow
{
    public string? From { get; set; }

    /// <summary>Empty means "done".</summary>
    public string? Outcome { get; set; }

    public string? To { get; set; }

    public bool Remove { get; set; }
}
