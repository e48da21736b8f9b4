using InternalSocial.Home.Endpoints;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Home;

public sealed class Startup : ModuleStartup
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => WebAppEndpoints.Map(endpoints);
}
