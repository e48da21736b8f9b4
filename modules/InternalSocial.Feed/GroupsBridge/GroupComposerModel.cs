using System.ComponentModel.DataAnnotations;
using InternalSocial.Feed.Services;
using InternalSocial.Groups.Controllers;
using InternalSocial.Groups.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.GroupsBridge;

public sealed class GroupComposerModel
{
    [Display(Name = "What do you want to share?")]
    public string? Body { get; set; }
}
