using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A survey's results from its tallies, in two or three queries whatever the number of responses: counts, percentages
/// of those who answered each question, rating and NPS averages, the NPS score, free texts for those allowed, and the
/// breakdown by department or site with cells under <see cref="PollResultsReader.MinimumCell"/> merged.
/// </summary>
internal sealed class SurveyResultsReader(PollsDbContext db)
{
    public async Task<SurveyResults> ReadAsync(SurveyStanding standing, string? breakdown, DateTime nowUtc, int textsPerQuestion, CancellationToken cancellationToken)
    {
        var ids = standing.Questions.SelectMany(q => q.Rows.Select(r => r.Id).Prepend(q.Id)).ToList();
        var dimensions = breakdown is null ? [TallyDimensions.All] : new[] { TallyDimensions.All, breakdown };
        var tallies = await db.Tallies.AsNoTracking().Where(t => ids.Contains(t.QuestionId) && dimensions.Contains(t.Dimension)).ToListAsync(cancellationToken);
        var totals = tallies.Where(t => t.Dimension == TallyDimensions.All).ToDictionary(t => t.OptionId, t => t.Count);
        var cells = tallies.Where(t => t.Dimension != TallyDimensions.All && t.OptionId > 0).ToLookup(t => t.QuestionId);
        var texts = standing.MaySeeAnswers ? await TextsAsync(standing, textsPerQuestion, cancellationToken) : null;
        var questions = standing.Questions.Select(q => Question(q, totals, breakdown is null ? null : cells, breakdown, texts)).ToList();
        return new SurveyResults(standing.Poll.Id, standing.Poll.Title, standing.Poll.Anonymous, standing.Poll.IsClosedAt(nowUtc),
            standing.Poll.ParticipantCount, breakdown, questions);
    }

    /// <summary>The free texts listed per question in the results; the CSV holds them all.</summary>
    public const int MaxTexts = 100;

    /// <summary>Free texts per question, ordered by their random key: never in the order they were given.</summary>
    public async Task<ILookup<long, string>> TextsAsync(SurveyStanding standing, int take, CancellationToken cancellationToken)
    {
        var texts = new List<(long QuestionId, string Text)>();
        foreach (var question in standing.Questions.Where(q => q.Kind == SurveyQuestionKinds.Text))
        {
            var rows = await db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == question.Id).OrderBy(a => a.Id).Select(a => a.Text).Take(take).ToListAsync(cancellationToken);
            texts.AddRange(rows.Select(t => (question.Id, t)));
        }

        return texts.ToLookup(t => t.QuestionId, t => t.Text);
    }

    /// <summary>
    /// A page of one question's free texts in the order of their random keys, after the key <paramref name="after"/>:
    /// the order says nothing of when, or by whom, they were given.
    /// </summary>
    public async Task<SurveyTextPage> TextPageAsync(long questionId, Guid? after, int take, CancellationToken cancellationToken)
    {
        var query = db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == questionId);
        if (after is { } key)
        {
            query = query.Where(a => a.Id.CompareTo(key) > 0);
        }

        var rows = await query.OrderBy(a => a.Id).Select(a => new { a.Id, a.Text }).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? rows[take - 1].Id.ToString() : null;
        return new SurveyTextPage(questionId, [.. rows.Take(take).Select(r => r.Text)], next);
    }

    private static SurveyQuestionResult Question(SurveyItem q, Dictionary<long, int> totals, ILookup<long, PollTally>? cells, string? dimension, ILookup<long, string>? texts)
    {
        var answered = totals.GetValueOrDefault(SurveyTallies.AnsweredKey(q.Id));
        var options = Options(q, totals, answered);
        var rows = q.Rows.Select(r =>
        {
            var rowAnswered = totals.GetValueOrDefault(SurveyTallies.AnsweredKey(r.Id));
            return new SurveyRowResult(r.Id, r.Question.Text, rowAnswered, Options(r, totals, rowAnswered), Breakdown(r, totals, cells, dimension));
        }).ToList();
        double? average = q.Kind is SurveyQuestionKinds.Rating or SurveyQuestionKinds.Nps && answered > 0
            ? Math.Round(options.Sum(o => Value(q, o.Id) * o.Count) / (double)answered, 2)
            : null;
        return new SurveyQuestionResult(q.Id, q.Extra.Page, q.Question.Text, q.Kind, answered, options, average,
            q.Kind == SurveyQuestionKinds.Nps ? Nps(q, options, answered) : null, rows,
            q.Kind == SurveyQuestionKinds.Text && texts is not null ? [.. texts[q.Id]] : null,
            Breakdown(q, totals, cells, dimension));
    }

    private static List<SurveyOptionResult> Options(SurveyItem q, Dictionary<long, int> totals, int answered) =>
        [.. q.Options.Select(o => new SurveyOptionResult(o.Id, o.Text, totals.GetValueOrDefault(o.Id), Percent(totals.GetValueOrDefault(o.Id), answered)))];

    /// <summary>The value of a rating or NPS option: its position from 1 (rating) or 0 (NPS).</summary>
    private static int Value(SurveyItem q, long optionId)
    {
        var position = q.Options.ToList().FindIndex(o => o.Id == optionId);
        return q.Kind == SurveyQuestionKinds.Rating ? position + 1 : position;
    }

    private static SurveyNpsResult Nps(SurveyItem q, List<SurveyOptionResult> options, int answered)
    {
        var promoters = options.Where(o => Value(q, o.Id) >= 9).Sum(o => o.Count);
        var passives = options.Where(o => Value(q, o.Id) is 7 or 8).Sum(o => o.Count);
        var detractors = options.Where(o => Value(q, o.Id) <= 6).Sum(o => o.Count);
        return new SurveyNpsResult(promoters, passives, detractors, answered == 0 ? 0 : Math.Round(100.0 * (promoters - detractors) / answered, 1));
    }

    /// <summary>As for polls: a cell shows from 5 answers; the rest of each option's count goes to one "other" row.</summary>
    private static PollBreakdown? Breakdown(SurveyItem q, Dictionary<long, int> totals, ILookup<long, PollTally>? cells, string? dimension)
    {
        if (cells is null || dimension is null || q.Options.Count == 0)
        {
            return null;
        }

        var shown = cells[q.Id].Where(t => t.Count >= PollResultsReader.MinimumCell).OrderBy(t => t.Value, StringComparer.Ordinal).ToList();
        var rows = shown.GroupBy(t => t.Value).Select(g => new PollBreakdownRow(g.Key, false, g.ToDictionary(t => t.OptionId, t => t.Count))).ToList();
        var other = q.Options.ToDictionary(o => o.Id, o => totals.GetValueOrDefault(o.Id) - shown.Where(c => c.OptionId == o.Id).Sum(c => c.Count));
        if (other.Values.Any(v => v > 0))
        {
            rows.Add(new PollBreakdownRow(null, true, other));
        }

        return new PollBreakdown(dimension, rows);
    }

    private static double Percent(int count, int answered) => answered == 0 ? 0 : Math.Round(100.0 * count / answered, 1);
}
