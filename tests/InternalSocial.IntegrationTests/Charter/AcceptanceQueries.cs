using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalSocial.IntegrationTests.Charter;

/// <summary>Counts the reads of the acceptances table on one tenant's database while subscribed.</summary>
internal sealed class AcceptanceQueries(string tenantName) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];

    public int Count => _commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && c.Contains("FROM \"Charter_Acceptances\"", StringComparison.OrdinalIgnoreCase));

    /// <summary>Subscribes, waits for EF Core to notice (it looks for listeners about once a second), and starts counting.</summary>
    public static async Task<AcceptanceQueries> StartAsync(string tenantName)
    {
        var queries = new AcceptanceQueries(tenantName);
        queries._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(queries));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        queries._commands.Clear();
        return queries;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed
            && executed.Command.Connection?.ConnectionString.Contains(tenantName, StringComparison.OrdinalIgnoreCase) == true)
        {
            _commands.Enqueue(executed.Command.CommandText);
        }
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
