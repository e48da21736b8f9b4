
namespace InternalSocial.Workflows.Controllers;

public sealed record DiagramEdge(string From, string To, string Outcome, string Path, double LabelX, double LabelY);
