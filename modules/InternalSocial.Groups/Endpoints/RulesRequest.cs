using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Endpoints;

internal sealed record RulesRequest(List<RuleInput>? Rules);
