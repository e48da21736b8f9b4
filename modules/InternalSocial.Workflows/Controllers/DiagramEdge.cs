
namespace InternalSocial.Workflows.Controllers;

internal sealed record DiagramEdge(string From, string To, string Outcome, string Path, double LabelX, double LabelY);
