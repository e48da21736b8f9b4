using System.Globalization;
using System.Text;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// A response's changes to the tallies, in one statement: each chosen option once overall and once in the respondent's
/// department and site, and each answered question under <see cref="AnsweredKey"/> (how many answered it, the base of
/// its percentages). Rows are written in key order so two responses lock them in the same order (PostgreSQL).
/// </summary>
internal sealed class SurveyTallies
{
    private readonly SortedDictionary<(long OptionId, string Dimension, string Value), (long QuestionId, int Delta)> _rows = new();

    /// <summary>The tally key counting those who answered a question: its id negated, as no option has a negative id.</summary>
    public static long AnsweredKey(long questionId) => -questionId;

    public void Add(long questionId, long optionId, string? department, string? site, int delta)
    {
        Add((optionId, TallyDimensions.All, ""), questionId, delta);
        if (!string.IsNullOrEmpty(department))
        {
            Add((optionId, TallyDimensions.Department, department), questionId, delta);
        }

        if (!string.IsNullOrEmpty(site))
        {
            Add((optionId, TallyDimensions.Site, site), questionId, delta);
        }
    }

    /// <summary>Overall only: a free text's department is stored nowhere, so erasing a named answer could not take it back.</summary>
    public void AddAnswered(long questionId, int delta) => Add((AnsweredKey(questionId), TallyDimensions.All, ""), questionId, delta);

    public async Task ApplyAsync(PollsDbContext db, CancellationToken cancellationToken)
    {
        var rows = _rows.Where(r => r.Value.Delta != 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder("""INSERT INTO "Polls_Tallies" ("OptionId", "Dimension", "Value", "QuestionId", "Count") VALUES """);
        var parameters = new List<object>();
        foreach (var ((optionId, dimension, value), (questionId, delta)) in rows)
        {
            var at = parameters.Count;
            sql.Append(at == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}})");
            parameters.AddRange([optionId, dimension, value, questionId, delta]);
        }

        // In place (Count = Count + delta), never read then written: concurrent responses cannot lose a count.
        sql.Append(""" ON CONFLICT ("OptionId", "Dimension", "Value") DO UPDATE SET "Count" = "Polls_Tallies"."Count" + excluded."Count" """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    private void Add((long, string, string) key, long questionId, int delta) =>
        _rows[key] = (questionId, _rows.GetValueOrDefault(key).Delta + delta);
}
