namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>Question number <see cref="Index"/> (from 0) of the new survey form, with the form for its errors and earlier questions.</summary>
internal sealed record SurveyQuestionEditorModel(NewSurveyModel Form, int Index)
{
    public NewSurveyQuestionModel Question => Form.Questions[Index];

    public string Prefix => $"Questions[{Index}]";

    public string Id => $"Questions_{Index}_";

    public string Error(string field) => Form.Error($"questions[{Index}].{field}");
}
