namespace InternalSocial.Groups.Models;

internal enum GroupType
{
    Project = 0,
    Community = 1,
}
