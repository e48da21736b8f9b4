namespace InternalSocial.Groups.Models;

public enum GroupType
{
    Project = 0,
    Community = 1,
}
