namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>One question on the answering page, with the answers so far, the service's refusal, and the question its condition names.</summary>
internal sealed record SurveyQuestionModel(SurveyQuestionView Question, SurveyFormAnswers Answers, string? Error, SurveyQuestionView? ConditionSource);
