using InternalSocial.Workflows.Services;

namespace InternalSocial.Workflows.Controllers;

public sealed record InstanceViewModel(InstanceDetail Detail, IReadOnlyDictionary<string, string> ActorNames);
