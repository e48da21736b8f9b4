
namespace InternalSocial.Workflows.Controllers;

internal sealed record Diagram(double Width, double Height, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges)
{
    public const double BoxWidth = 184;
    public const double BoxHeight = 56;
}
