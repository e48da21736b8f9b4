using System.ComponentModel.DataAnnotations;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

internal sealed class ComposerModel
{
    [Display(Name = "What do you want to share?")]
    public string? Body { get; set; }

    [Display(Name = "Tags (separated by spaces)")]
    public string? Tags { get; set; }

    [Display(Name = "Only for these departments (comma-separated; empty for everyone)")]
    public string? Departments { get; set; }

    [Display(Name = "Publish at (UTC, optional)")]
    public DateTime? PublishAt { get; set; }

    [Display(Name = "Expires at (UTC, optional)")]
    public DateTime? ExpiresAt { get; set; }

    [Display(Name = "Announcement")]
    public bool Announcement { get; set; }

    [Display(Name = "Ask readers to acknowledge it")]
    public bool RequireAcknowledgement { get; set; }

    /// <summary>Ids of files uploaded beforehand (by the page's script, through <c>POST /api/v1/attachments</c>).</summary>
    public List<long> Attachments { get; set; } = [];

    /// <summary>The uploads above, shown again when the form comes back with an error.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<AttachmentView> Uploaded { get; set; } = [];

    /// <summary>What the author gave the add-ons (a poll), shown again when the form comes back with an error.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyDictionary<string, PostAddonFields>? Addons { get; set; }
}
