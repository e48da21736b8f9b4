using System.Text.Json.Serialization;

namespace InternalSocial.Kernel.Shells;

[JsonConverter(typeof(JsonStringEnumConverter<TenantState>))]
public enum TenantState
{
    Uninitialized,
    Initializing,
    Running,
    Disabled,
}

[JsonConverter(typeof(JsonStringEnumConverter<DatabaseProvider>))]
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>What the host knows of a tenant before its shell is built; stored in <c>App_Data/tenants.json</c>.</summary>
public sealed record ShellSettings
{
    public const string DefaultName = "Default";

    public required string Name { get; init; }

    public TenantState State { get; init; } = TenantState.Uninitialized;

    /// <summary>Host names this tenant answers on; empty matches any host.</summary>
    public IReadOnlyList<string> RequestUrlHosts { get; init; } = [];

    /// <summary>First path segment this tenant answers on, without slashes; empty for none.</summary>
    public string RequestUrlPrefix { get; init; } = "";

    public DatabaseProvider DatabaseProvider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>App_Data/Sites/{Name}/internalsocial.db</c>.</summary>
    public string ConnectionString { get; init; } = "";

    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>
    /// For a tenant created by another tenant's administrator: the secret its setup page asks for, so that nobody
    /// else can set it up first. Empty when the page is open (the Default tenant on a new installation) and once set up.
    /// </summary>
    public string SetupToken { get; init; } = "";

    /// <summary>Whether <paramref name="token"/> opens this tenant's setup page.</summary>
    public bool AcceptsSetupToken(string? token) =>
        SetupToken.Length == 0 || (token is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(SetupToken)));

    [JsonIgnore]
    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);
}
