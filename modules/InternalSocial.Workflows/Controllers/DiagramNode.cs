
namespace InternalSocial.Workflows.Controllers;

internal sealed record DiagramNode(string Id, string Type, string? Title, double X, double Y, int Depth, bool IsStart, bool Waits);
