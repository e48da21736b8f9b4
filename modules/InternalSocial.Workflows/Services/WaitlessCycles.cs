using InternalSocial.Workflows.Abstractions.Activities;
using InternalSocial.Workflows.Abstractions.Models;
using InternalSocial.Workflows.Models;

namespace InternalSocial.Workflows.Services;

/// <summary>Finds the loops of a definition that could run forever: none of their activities waits.</summary>
internal static class WaitlessCycles
{
    /// <summary>Cycles of the transition graph (strongly connected parts) in which no activity can wait.</summary>
    public static List<List<string>> Find(WorkflowDefinition definition, Dictionary<string, IActivity> types)
    {
        var edges = definition.Transitions.GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.Select(t => t.To).Distinct().ToList());
        var index = 0;
        var indexes = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();

        void Connect(string node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!indexes.TryGetValue(next, out var nextIndex))
                {
                    Connect(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] != indexes[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            var isCycle = component.Count > 1 || (edges.GetValueOrDefault(node)?.Contains(node) ?? false);
            if (isCycle && !component.Any(id => types.TryGetValue(id, out var type) && type.CanWait))
            {
                component.Reverse();
                cycles.Add(component);
            }
        }

        foreach (var activity in definition.Activities.Where(a => !indexes.ContainsKey(a.Id)))
        {
            Connect(activity.Id);
        }

        return cycles;
    }
}
