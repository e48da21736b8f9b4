using System.Collections.Concurrent;
using System.Diagnostics;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Builder;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>
/// Counts the database commands EF Core runs for one request. A request carrying the header
/// <see cref="Header"/> gets a counter in an AsyncLocal; EF Core's DiagnosticListener events add to it.
/// </summary>
public static class QueryCounter
{
    public const string Header = "X-Probe-Count-Queries";

    private static readonly AsyncLocal<StrongBox> Current = new();
    private static readonly ConcurrentDictionary<string, StrongBox> Counts = new();
    private static int _subscribed;

    public static int Get(string id) => Counts.TryGetValue(id, out var box) ? box.Value : -1;

    /// <summary>The commands counted, for a failure message.</summary>
    public static IReadOnlyList<string> Commands(string id) => Counts.TryGetValue(id, out var box) ? box.Commands.ToList() : [];

    public static void Begin(string id)
    {
        Subscribe();
        var box = new StrongBox();
        Counts[id] = box;
        Current.Value = box;
    }

    /// <summary>Called by the host fixture before the host starts: EF Core decides early whether anyone listens.</summary>
    public static void Subscribe()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        }
    }

    public sealed class StrongBox
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public ConcurrentQueue<string> Commands { get; } = new();

        public void Increment(string command)
        {
            Interlocked.Increment(ref _value);
            Commands.Enqueue(command);
        }
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                value.Subscribe(new CommandObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class CommandObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting")
            {
                Current.Value?.Increment((value.Value as Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData)?.Command.CommandText ?? "");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

/// <summary>The probe's middleware that starts a count for requests asking for one.</summary>
public sealed class QueryCounterStartup : ModuleStartup
{
    public override void ConfigureMiddleware(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.TryGetValue(QueryCounter.Header, out var id) && id.ToString().Length > 0)
        {
            QueryCounter.Begin(id.ToString());
        }

        await next(context);
    });
}
