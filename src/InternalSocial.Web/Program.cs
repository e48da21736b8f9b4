using InternalSocial.Kernel.Hosting;
using InternalSocial.Web;

var (appData, rest) = CommandLine.ExtractAppData(args);
if (rest.Length > 0 && CommandLine.IsCommand(rest[0]))
{
    return await CommandLine.RunAsync(rest, appData);
}

var app = WebHost.CreateBuilder(rest, appData, quiet: false).Build();
app.UseInternalSocial();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
