namespace InternalSocial.Groups.Models;

/// <summary>Everyone whose department (or site) equals <see cref="Value"/>, or every employee, belongs to the group.</summary>
internal sealed class MembershipRule
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public MembershipRuleKind Kind { get; set; }

    public required string Value { get; set; }
}
