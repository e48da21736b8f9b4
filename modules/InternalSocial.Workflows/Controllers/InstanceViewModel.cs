using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

internal sealed record InstanceViewModel(InstanceDetail Detail, IReadOnlyDictionary<string, string> ActorNames);
