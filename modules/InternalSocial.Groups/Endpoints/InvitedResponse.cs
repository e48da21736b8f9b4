
namespace InternalSocial.Groups.Endpoints;

/// <summary>How many people were invited (in a mandatory group: added at once, as <paramref name="Added"/> says too).</summary>
internal sealed record InvitedResponse(int Invited);
