using InternalSocial.Kernel.Hosting;

namespace InternalSocial.Web;

/// <summary>The host: the kernel with every referenced module, for the web server and the command line alike.</summary>
public static class WebHost
{
    /// <summary>What an uninitialized tenant runs: the setup page in the default theme.</summary>
    public static readonly string[] SetupFeatures = ["InternalSocial.Setup", "InternalSocial.Themes.Employee"];

    public static WebApplicationBuilder CreateBuilder(string[] args, string? appData, bool quiet)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        if (appData is not null)
        {
            builder.Configuration[InternalSocialHostExtensions.AppDataKey] = appData;
        }

        if (quiet)
        {
            // Commands print their own results; only warnings and errors come from the logs.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        }

        // Serves the modules' and themes' wwwroot (_content/{Assembly}) also when run from the build output.
        builder.WebHost.UseStaticWebAssets();
        builder.AddInternalSocial(options =>
        {
            options.AddModulesFromDependencyContext();
            options.SetupFeatures.AddRange(SetupFeatures);
            builder.Configuration.GetSection("InternalSocial").Bind(options);
        });
        return builder;
    }
}
