
namespace InternalSocial.Groups.Services;

internal enum JoinOutcome
{
    Joined,
    Requested,
    AlreadyMember,
}
