using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

public sealed class EditPostModel
{
    public long Id { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Text")]
    public string? Body { get; set; }
}
