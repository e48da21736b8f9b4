using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InternalSocial.Workflows.Controllers;

public sealed record InstanceViewModel(InstanceDetail Detail, IReadOnlyDictionary<string, string> ActorNames);
