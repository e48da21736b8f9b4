using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

public sealed record RuleInput(MembershipRuleKind Kind, string? Value);
