using System.Globalization;
using System.Text;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Services;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// The CSV export: the aggregates (count and percentage per option, averages, NPS), then, to those allowed, either one
/// row per respondent (named survey) or the free texts shuffled (anonymous: nothing orders or names them).
/// Cells a spreadsheet would run as a formula start with a quote (<see cref="CsvText"/>).
/// </summary>
internal sealed class SurveyCsvWriter(PollsDbContext db, SurveyResultsReader results, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    public async Task<CsvDocument> WriteAsync(SurveyStanding standing, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var read = await results.ReadAsync(standing, breakdown: null, nowUtc, textsPerQuestion: int.MaxValue, cancellationToken);
        var csv = new StringBuilder();
        csv.Append(CsvText.Row("question", "row", "answer", "count", "percent"));
        foreach (var question in read.Questions)
        {
            foreach (var option in question.Options)
            {
                csv.Append(CsvText.Row(question.Text, "", option.Text, Number(option.Count), Number(option.Percent)));
            }

            foreach (var row in question.Rows)
            {
                foreach (var column in row.Columns)
                {
                    csv.Append(CsvText.Row(question.Text, row.Text, column.Text, Number(column.Count), Number(column.Percent)));
                }
            }

            if (question.Average is { } average)
            {
                csv.Append(CsvText.Row(question.Text, "", T["Average"], Number(average), ""));
            }

            if (question.Nps is { } nps)
            {
                csv.Append(CsvText.Row(question.Text, "", T["NPS score"], Number(nps.Score), ""));
            }
        }

        if (standing.MaySeeAnswers && !standing.Poll.Anonymous)
        {
            await AppendRespondentsAsync(standing, csv, cancellationToken);
        }
        else if (standing.MaySeeAnswers)
        {
            AppendShuffledTexts(read, csv);
        }

        return new CsvDocument($"survey-{standing.Poll.Id}.csv", csv.ToString());
    }

    private static void AppendShuffledTexts(SurveyResults read, StringBuilder csv)
    {
        csv.Append("\r\n").Append(CsvText.Row("question", "text"));
        foreach (var question in read.Questions.Where(q => q.Texts is not null))
        {
            var texts = question.Texts!.ToArray();
            Random.Shared.Shuffle(texts);
            foreach (var text in texts)
            {
                csv.Append(CsvText.Row(question.Text, text));
            }
        }
    }

    /// <summary>One row per respondent, one column per question (and matrix row), options joined by "; ".</summary>
    private async Task AppendRespondentsAsync(SurveyStanding standing, StringBuilder csv, CancellationToken cancellationToken)
    {
        var pollId = standing.Poll.Id;
        var columns = standing.Questions.SelectMany(q => q.Rows.Count > 0 ? q.Rows.Select(r => (Item: r, Title: $"{q.Question.Text} — {r.Question.Text}")) : [(Item: q, Title: q.Question.Text)]).ToList();
        var ids = columns.Select(c => c.Item.Id).ToList();
        var votes = (await db.Votes.AsNoTracking().Where(v => v.PollId == pollId).Select(v => new { v.UserId, v.QuestionId, v.OptionId }).ToListAsync(cancellationToken))
            .ToLookup(v => (v.UserId, v.QuestionId), v => v.OptionId);
        var texts = (await db.OtherAnswers.AsNoTracking().Where(a => ids.Contains(a.QuestionId) && a.UserId != null).Select(a => new { a.UserId, a.QuestionId, a.Text }).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.UserId!, a.QuestionId), a => a.Text);
        var respondents = await db.Participations.AsNoTracking().Where(p => p.PollId == pollId).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(cancellationToken);
        var names = await people.GetByIdsAsync(respondents, cancellationToken);
        var optionTexts = columns.SelectMany(c => c.Item.Options).ToDictionary(o => o.Id, o => o.Text);
        csv.Append("\r\n").Append(CsvText.Row(["respondent", "userName", .. columns.Select(c => c.Title)]));
        foreach (var userId in respondents)
        {
            var person = names.GetValueOrDefault(userId);
            var cells = columns.Select(c => texts.GetValueOrDefault((userId, c.Item.Id))
                ?? string.Join("; ", votes[(userId, c.Item.Id)].Select(o => optionTexts.GetValueOrDefault(o, ""))));
            csv.Append(CsvText.Row([person?.DisplayName ?? userId, person?.UserName ?? "", .. cells]));
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
