namespace InternalSocial.Groups.Models;

/// <summary>A group admin's choice for one module in one group.</summary>
internal sealed class GroupModuleSetting
{
    public long GroupId { get; set; }

    public required string ModuleKey { get; set; }

    public bool IsEnabled { get; set; }
}
