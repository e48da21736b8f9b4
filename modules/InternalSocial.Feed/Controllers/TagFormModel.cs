using System.ComponentModel.DataAnnotations;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

public sealed class TagFormModel
{
    [Display(Name = "Tag")]
    public string? Name { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Official")]
    public bool Official { get; set; }

    [Display(Name = "Pinned on top")]
    public bool Pinned { get; set; }
}
