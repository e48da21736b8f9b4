using InternalSocial.Kernel.Shells;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Kernel.Tests;

public sealed class RunningShellTableTests
{
    private static readonly RunningShellTable Table = new(
    [
        new ShellSettings { Name = "Default" },
        new ShellSettings { Name = "Acme", RequestUrlPrefix = "acme" },
        new ShellSettings { Name = "Globex", RequestUrlHosts = ["intranet.globex.test"] },
        new ShellSettings { Name = "GlobexLab", RequestUrlHosts = ["intranet.globex.test"], RequestUrlPrefix = "lab" },
    ]);

    [Theory]
    [InlineData("localhost", "/", "Default")]
    [InlineData("localhost", "/acme", "Acme")]
    [InlineData("localhost", "/acme/admin/features", "Acme")]
    [InlineData("localhost", "/ACME/links", "Acme")]
    [InlineData("localhost", "/acmecorp", "Default")]
    [InlineData("intranet.globex.test", "/", "Globex")]
    [InlineData("intranet.globex.test:8080", "/links", "Globex")]
    [InlineData("INTRANET.globex.test", "/lab/links", "GlobexLab")]
    [InlineData("intranet.globex.test", "/acme", "Globex")]
    public void Requests_go_to_the_most_specific_tenant(string host, string path, string expected)
    {
        var tenant = Table.Match(new HostString(host), new PathString(path));

        Assert.Equal(expected, tenant?.Name);
    }

    [Fact]
    public void Without_a_fallback_tenant_an_unknown_address_matches_nothing()
    {
        var table = new RunningShellTable([new ShellSettings { Name = "Acme", RequestUrlPrefix = "acme" }, new ShellSettings { Name = "Globex", RequestUrlHosts = ["globex.test"] }]);

        Assert.Null(table.Match(new HostString("other.test"), new PathString("/")));
    }
}
