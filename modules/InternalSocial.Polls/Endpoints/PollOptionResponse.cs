using System.Text.Json.Serialization;

namespace InternalSocial.Polls.Endpoints;

internal sealed record PollOptionResponse(long Id, string Text, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Votes);
