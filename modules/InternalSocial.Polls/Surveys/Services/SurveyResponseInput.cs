using System.Text.Json;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A response: by question id, an option id (single choice), a list of option ids (multiple), an integer (rating 1–5,
/// NPS 0–10), a text (free text) or an object of row id to column option id (matrix). Questions left out are unanswered.
/// </summary>
internal sealed record SurveyResponseInput(IReadOnlyDictionary<string, JsonElement>? Answers);
