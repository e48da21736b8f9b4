using System.ComponentModel.DataAnnotations;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed class GroupFormViewModel
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Type")]
    public GroupType Type { get; set; } = GroupType.Community;

    [Display(Name = "Visibility")]
    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;

    [Display(Name = "Who may post")]
    public PostingPolicy PostingPolicy { get; set; }

    [Display(Name = "Posts need approval")]
    public bool PostsNeedApproval { get; set; }

    public static GroupFormViewModel From(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new()
        {
            Name = group.Name,
            Description = group.Description,
            Type = group.Type,
            Visibility = group.Visibility,
            PostingPolicy = group.PostingPolicy,
            PostsNeedApproval = group.PostsNeedApproval,
        };
    }

    public GroupInput ToInput() => new(Name, Description ?? "", Type, Visibility, PostingPolicy, PostsNeedApproval);
}
