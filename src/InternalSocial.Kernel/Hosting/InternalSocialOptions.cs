using System.Reflection;

namespace InternalSocial.Kernel.Hosting;

public sealed class InternalSocialOptions
{
    /// <summary>Where tenants.json, tenant databases and files live. Relative paths start at the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";

    /// <summary>Where setup and other recipes are read from. Relative paths start at the application's base directory.</summary>
    public string RecipesPath { get; set; } = "recipes";

    /// <summary>Assemblies carrying an <c>[assembly: Module]</c> attribute.</summary>
    public List<Assembly> ModuleAssemblies { get; } = [];

    /// <summary>The features an uninitialized tenant runs with: what it needs to show its setup page.</summary>
    public List<string> SetupFeatures { get; } = [];

    /// <summary>
    /// The installation's public origin (<c>https://social.contoso.com</c>): the start of e-mail links of a tenant that has
    /// neither its own public address nor a host name (its prefix is added). Null: such a tenant writes no link.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Allowed requests to sign-in and token endpoints per client address and minute.</summary>
    public int AuthRequestsPerMinute { get; set; } = 20;

    /// <summary>Photos a person may upload per minute (post attachments count toward the feed's posting limit instead).</summary>
    public int UploadsPerMinute { get; set; } = 20;

    /// <summary>
    /// Whether the OpenID Connect authority and the SMTP server may be on this machine or a private network (loopback,
    /// 10/8, 172.16/12, 192.168/16, link-local, fc00::/7). Off by default: otherwise whoever may change those settings
    /// could make the server call its own internal services. Turn it on when the SMTP relay or the identity provider
    /// really sits on the private network.
    /// </summary>
    public bool AllowPrivateNetworkTargets { get; set; }

    /// <summary>How often due background tasks are looked for; zero or less turns the timer off (tests run them by hand).</summary>
    public TimeSpan BackgroundTaskTick { get; set; } = TimeSpan.FromSeconds(15);
}
