using System.Text.Json.Serialization;
using InternalSocial.Feed.Models;
using InternalSocial.Users.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Feed.Services;

public sealed record ReactionCount(string Type, int Count);
