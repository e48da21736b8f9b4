using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>Records the text of the EF Core commands run on one tenant's database, from <see cref="StartAsync"/> to disposal.</summary>
internal sealed class TenantCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _tenantName;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];

    private TenantCommandRecorder(string tenantName) => _tenantName = tenantName;

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Subscribes, waits for EF Core to notice (it looks for listeners about once a second), and starts recording.</summary>
    public static async Task<TenantCommandRecorder> StartAsync(string tenantName)
    {
        var recorder = new TenantCommandRecorder(tenantName);
        recorder._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(recorder));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        recorder._commands.Clear();
        return recorder;
    }

    /// <summary>The <c>SELECT</c>s among <paramref name="commands"/> that read <paramref name="table"/>.</summary>
    public static IReadOnlyList<string> Selects(IEnumerable<string> commands, string table) =>
        [.. commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && c.Contains($"FROM \"{table}\"", StringComparison.OrdinalIgnoreCase))];

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
            && executed.Command.Connection?.ConnectionString.Contains(_tenantName, StringComparison.OrdinalIgnoreCase) == true)
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
