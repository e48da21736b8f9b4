
namespace InternalSocial.Groups.Services;

public enum JoinOutcome
{
    Joined,
    Requested,
    AlreadyMember,
}
