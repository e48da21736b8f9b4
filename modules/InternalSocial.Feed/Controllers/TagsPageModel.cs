using System.ComponentModel.DataAnnotations;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Controllers;

public sealed record TagsPageModel(IReadOnlyList<CuratedTag> Tags, TagFormModel NewTag, string? FailedTag);
