using System.ComponentModel.DataAnnotations;
using InternalSocial.Feed.Abstractions;

namespace InternalSocial.Feed.GroupsBridge;

internal sealed class GroupComposerModel
{
    [Display(Name = "What do you want to share?")]
    public string? Body { get; set; }

    /// <summary>What the author gave the add-ons (a poll), shown again when the form comes back with an error.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyDictionary<string, PostAddonFields>? Addons { get; set; }
}
