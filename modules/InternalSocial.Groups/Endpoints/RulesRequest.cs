using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Endpoints;

public sealed record RulesRequest(List<RuleInput>? Rules);
