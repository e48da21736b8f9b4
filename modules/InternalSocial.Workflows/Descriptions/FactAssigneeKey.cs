using InternalSocial.Workflows.Abstractions.Assignees;
using InternalSocial.Workflows.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Workflows.Descriptions;

/// <summary><c>{ "fact": "post.authorId" }</c>: the person whose user id a fact of the instance holds.</summary>
internal sealed class FactAssigneeKey : AssigneeKey
{
    public override string Key => "fact";

    public override string ScopeKind => AssigneeKinds.User;

    public override AssigneeValue Value => AssigneeValue.Fact;

    public override int Order => 40;

    public override string FormName => "AssigneeFacts";

    public override string InputId => "facts";

    public override LocalizedString Label(IStringLocalizerFactory texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var T = texts.Create(typeof(ModuleResources));
        return T["Facts holding a user id"];
    }
}
