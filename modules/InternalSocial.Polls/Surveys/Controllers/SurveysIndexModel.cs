namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary><c>/surveys</c>: the surveys for the reader (open ones first), and below those they created or manage.</summary>
internal sealed record SurveysIndexModel(SurveyList ForMe, SurveyList Managed, bool CanCreate);
