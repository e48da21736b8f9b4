using InternalSocial.Home.Endpoints;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Home;

internal sealed class Startup : ModuleStartup
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => WebAppEndpoints.Map(endpoints);
}
