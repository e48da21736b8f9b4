using System.ComponentModel.DataAnnotations;

namespace InternalSocial.Feed.GroupsBridge;

internal sealed class GroupComposerModel
{
    [Display(Name = "What do you want to share?")]
    public string? Body { get; set; }
}
