using System.Security.Claims;
using InternalSocial.Kernel.Security;

namespace InternalSocial.Kernel.Tests;

public sealed class ClaimsPrincipalExtensionsTests
{
    private static ClaimsPrincipal SignedIn(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "someone")], "test"));

    [Fact]
    public void A_signed_in_person_has_their_id_both_ways()
    {
        var user = SignedIn("u-42");
        Assert.Equal("u-42", user.FindUserId());
        Assert.Equal("u-42", user.GetUserId());
    }

    [Fact]
    public void An_anonymous_visitor_has_no_id_or_an_empty_one()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.Null(anonymous.FindUserId());
        Assert.Equal("", anonymous.GetUserId());
    }

    [Fact]
    public void Another_claim_is_not_taken_for_the_id()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "u-42")], "test"));
        Assert.Null(user.FindUserId());
    }
}
