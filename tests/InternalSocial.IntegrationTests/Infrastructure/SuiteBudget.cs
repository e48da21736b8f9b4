using System.Globalization;
using InternalSocial.Kernel.Shells;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>
/// What the test run cost in the things that do not depend on the machine's load: hosts started, tenants created and
/// tenants still running when the run ends. Printed once, when the collection's host stops, so that a change which
/// multiplies them shows before the suite gets slow (see the developer guide, "Tests").
/// </summary>
public static class SuiteBudget
{
    private static int _hosts;
    private static int _sqliteTenants;
    private static int _postgresTenants;
    private static int _retiredTenants;

    public static void HostStarted() => Interlocked.Increment(ref _hosts);

    public static void TenantCreated(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            Interlocked.Increment(ref _postgresTenants);
        }
        else
        {
            Interlocked.Increment(ref _sqliteTenants);
        }
    }

    public static void TenantRetired() => Interlocked.Increment(ref _retiredTenants);

    public static void Report(IMessageSink messages, int runningAtEnd) => messages.OnMessage(new DiagnosticMessage(string.Format(
        CultureInfo.InvariantCulture,
        "Test budget: {0} web host(s), {1} tenants created ({2} SQLite, {3} PostgreSQL), {4} taken out of service after their class, {5} still running at the end.",
        _hosts,
        _sqliteTenants + _postgresTenants,
        _sqliteTenants,
        _postgresTenants,
        _retiredTenants,
        runningAtEnd)));
}
