using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Quizzes;

/// <summary>Checks an attempt's answers (each error named <c>answers.{questionId}</c>) and scores them.</summary>
internal static class QuizScorer
{
    /// <summary>The chosen option ids per question; 400 for a missing answer, an option of another question or several on a single choice.</summary>
    public static Dictionary<long, IReadOnlySet<long>> Check(QuizStanding standing, AttemptInput input, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(T);
        var answers = input.Answers ?? new Dictionary<long, IReadOnlyList<long>?>();
        var errors = new Dictionary<string, string>();
        foreach (var key in answers.Keys.Where(k => standing.Questions.All(q => q.Id != k)))
        {
            errors[$"answers.{key}"] = T["This is not a question of this quiz."];
        }

        var chosen = new Dictionary<long, IReadOnlySet<long>>();
        foreach (var question in standing.Questions)
        {
            var field = $"answers.{question.Id}";
            var picks = (answers.GetValueOrDefault(question.Id) ?? []).ToHashSet();
            if (picks.Count == 0)
            {
                errors[field] = T["Answer this question."];
            }
            else if (picks.Any(p => standing.Options[question.Id].All(o => o.Id != p)))
            {
                errors[field] = T["Choose among this question's options."];
            }
            else if (question.Kind == QuestionKinds.Single && picks.Count > 1)
            {
                errors[field] = T["Choose one option for this question."];
            }

            chosen[question.Id] = picks;
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : chosen;
    }

    /// <summary>A question counts when the options chosen are exactly its correct ones.</summary>
    public static List<QuestionOutcome> Score(QuizStanding standing, IReadOnlyDictionary<long, IReadOnlySet<long>> chosen)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(chosen);
        return [.. standing.Questions.Select(q =>
        {
            var picks = chosen.GetValueOrDefault(q.Id) ?? new HashSet<long>();
            var correct = standing.Correct[q.Id].ToList();
            return new QuestionOutcome(q.Id, picks.SetEquals(correct), [.. standing.Options[q.Id].Select(o => o.Id).Where(picks.Contains)], correct, standing.Explanations.GetValueOrDefault(q.Id, ""));
        })];
    }

    public static double Percent(int score, int maxScore) => maxScore == 0 ? 0 : Math.Round(100.0 * score / maxScore, 1);

    public static bool Passes(int score, int maxScore, int passMark) => maxScore == 0 || score * 100 >= passMark * maxScore;
}
