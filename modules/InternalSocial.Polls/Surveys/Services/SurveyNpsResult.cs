namespace InternalSocial.Polls.Surveys;

/// <summary>Promoters (9–10), passives (7–8), detractors (0–6); <see cref="Score"/> = % promoters − % detractors (−100..100).</summary>
internal sealed record SurveyNpsResult(int Promoters, int Passives, int Detractors, double Score);
