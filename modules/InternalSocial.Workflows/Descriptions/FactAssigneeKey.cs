using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Descriptions;

/// <summary><c>{ "fact": "post.authorId" }</c>: the person whose user id a fact of the instance holds.</summary>
internal sealed class FactAssigneeKey() : AssigneeKey("fact", AssigneeKinds.User, AssigneeValue.Fact, 40, "AssigneeFacts", "facts")
{
    public override LocalizedString Label(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["Facts holding a user id"];
    }
}
