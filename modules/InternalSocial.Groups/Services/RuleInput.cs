using InternalSocial.Groups.Models;

namespace InternalSocial.Groups.Services;

internal sealed record RuleInput(MembershipRuleKind Kind, string? Value);
