using System.Text.Json;
using System.Text.Json.Serialization;
using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Endpoints;

/// <summary>
/// The feed's JSON, generated at compile time. Same shape as the API's other answers (web defaults, enums as names).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedPage))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
