using System.Globalization;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;
using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

/// <summary>
/// Lays a definition out for a server-side SVG: activities in rows by their breadth-first depth from the start (what
/// cannot be reached comes last), arrows down to deeper rows, and arrows that go back up drawn as curves on the right.
/// </summary>
internal static class WorkflowDiagram
{
    private const double GapX = 40;
    private const double GapY = 64;
    private const double Margin = 24;
    private const double BackLane = 90;

    public static Diagram Build(WorkflowDefinition definition, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        var (depths, order) = Layers(definition);
        var rows = order.GroupBy(id => depths[id]).OrderBy(g => g.Key).ToList();
        var widest = rows.Count == 0 ? 1 : rows.Max(r => r.Count());
        var contentWidth = (widest * Diagram.BoxWidth) + ((widest - 1) * GapX);
        var nodes = new Dictionary<string, DiagramNode>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var members = row.ToList();
            var rowWidth = (members.Count * Diagram.BoxWidth) + ((members.Count - 1) * GapX);
            var x = Margin + ((contentWidth - rowWidth) / 2);
            foreach (var id in members)
            {
                var activity = definition.Activity(id)!;
                var type = registry.Find(activity.Type);
                nodes[id] = new DiagramNode(id, activity.Type, activity.Title, x, Margin + (row.Key * (Diagram.BoxHeight + GapY)), row.Key, id == definition.Start, type?.CanWait ?? false);
                x += Diagram.BoxWidth + GapX;
            }
        }

        var height = (Margin * 2) + (rows.Count * Diagram.BoxHeight) + (Math.Max(0, rows.Count - 1) * GapY);
        var edges = Edges(definition, nodes, contentWidth, out var backIndex);

        // The lane on the right is there only when an arrow goes back up.
        var width = (Margin * 2) + contentWidth + (backIndex > 0 ? BackLane : 0);
        return new Diagram(width, height, [.. order.Select(id => nodes[id])], edges);
    }

    /// <summary>Each activity's row (breadth-first depth from the start; the unreachable ones last) and the order to draw them.</summary>
    private static (Dictionary<string, int> Depths, List<string> Order) Layers(WorkflowDefinition definition)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        if (definition.Activity(definition.Start) is not null)
        {
            var queue = new Queue<string>();
            depths[definition.Start] = 0;
            queue.Enqueue(definition.Start);
            while (queue.Count > 0)
            {
                var id = queue.Dequeue();
                order.Add(id);
                foreach (var next in definition.Transitions.Where(t => t.From == id).Select(t => t.To))
                {
                    if (definition.Activity(next) is not null && depths.TryAdd(next, depths[id] + 1))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }

        var unreachableDepth = depths.Count == 0 ? 0 : depths.Values.Max() + 1;
        foreach (var activity in definition.Activities.Where(a => !depths.ContainsKey(a.Id)))
        {
            depths[activity.Id] = unreachableDepth;
            order.Add(activity.Id);
        }

        return (depths, order);
    }

    /// <summary>The arrows: down to a deeper row, or round through the lane on the right (<paramref name="backCount"/> of them).</summary>
    private static List<DiagramEdge> Edges(WorkflowDefinition definition, Dictionary<string, DiagramNode> nodes, double contentWidth, out int backCount)
    {
        var edges = new List<DiagramEdge>();
        var backIndex = 0;
        foreach (var transition in definition.Transitions)
        {
            if (!nodes.TryGetValue(transition.From, out var from) || !nodes.TryGetValue(transition.To, out var to))
            {
                continue;
            }

            if (to.Depth > from.Depth)
            {
                var x1 = from.X + (Diagram.BoxWidth / 2);
                var y1 = from.Y + Diagram.BoxHeight;
                var x2 = to.X + (Diagram.BoxWidth / 2);
                var y2 = to.Y - 2;
                var midY = (y1 + y2) / 2;
                var path = FormattableString.Invariant($"M {x1:0.#} {y1:0.#} C {x1:0.#} {midY:0.#}, {x2:0.#} {midY:0.#}, {x2:0.#} {y2:0.#}");
                edges.Add(new DiagramEdge(from.Id, to.Id, transition.Outcome, path, (x1 + x2) / 2, midY + 4));
            }
            else
            {
                // Back (or sideways) to an earlier row: out of the right side, round through the lane, into the right side.
                backIndex++;
                var x1 = from.X + Diagram.BoxWidth;
                var y1 = from.Y + (Diagram.BoxHeight / 2);
                var x2 = to.X + Diagram.BoxWidth + 2;
                var y2 = to.Y + (Diagram.BoxHeight / 2) + (to.Id == from.Id ? 12 : 0);
                var lane = Margin + contentWidth + Math.Min(BackLane - 10, 24 + (backIndex * 12));
                var path = FormattableString.Invariant($"M {x1:0.#} {y1:0.#} C {lane:0.#} {y1:0.#}, {lane:0.#} {y2:0.#}, {x2:0.#} {y2:0.#}");
                edges.Add(new DiagramEdge(from.Id, to.Id, transition.Outcome, path, lane - 4, ((y1 + y2) / 2) + 4));
            }
        }

        backCount = backIndex;
        return edges;
    }

    /// <summary>Text that fits a box: long ids end with an ellipsis (the list of steps has them whole).</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
