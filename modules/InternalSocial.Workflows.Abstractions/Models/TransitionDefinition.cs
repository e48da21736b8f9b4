
namespace InternalSocial.Workflows.Abstractions.Models;

public sealed class TransitionDefinition
{
    public string From { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string To { get; set; } = "";
}
