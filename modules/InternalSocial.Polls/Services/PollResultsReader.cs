using System.Globalization;
using System.Text;
using InternalSocial.Kernel.Files;
using InternalSocial.Polls.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>Results read from the tallies (never counted from votes per request), their breakdown and the CSV export.</summary>
internal sealed class PollResultsReader(PollsDbContext db, IPeopleLookup people, IStringLocalizer<ModuleResources> T)
{
    /// <summary>A department's or site's count of an option is shown only from this many votes; smaller cells are merged.</summary>
    public const int MinimumCell = 5;

    public const int MaxOtherAnswers = 1000;

    /// <summary>Overall votes per option id.</summary>
    public async Task<Dictionary<long, int>> CountsAsync(long questionId, CancellationToken cancellationToken) =>
        await db.Tallies.AsNoTracking().Where(t => t.QuestionId == questionId && t.Dimension == TallyDimensions.All)
            .ToDictionaryAsync(t => t.OptionId, t => t.Count, cancellationToken);

    /// <summary>Overall votes per option id, of several questions at once (option ids are unique across questions).</summary>
    public async Task<Dictionary<long, int>> CountsAsync(IReadOnlyCollection<long> questionIds, CancellationToken cancellationToken) =>
        await db.Tallies.AsNoTracking().Where(t => questionIds.Contains(t.QuestionId) && t.Dimension == TallyDimensions.All)
            .ToDictionaryAsync(t => t.OptionId, t => t.Count, cancellationToken);

    public async Task<PollResults> ReadAsync(PollStanding standing, string? breakdown, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var (poll, question) = (standing.Poll, standing.Question);
        var counts = await CountsAsync(question.Id, cancellationToken);
        var options = standing.Options.Select(o => new PollResultOption(o.Id, o.Text, counts.GetValueOrDefault(o.Id), Percent(counts.GetValueOrDefault(o.Id), poll.ParticipantCount))).ToList();
        var others = question.AllowOther
            ? await db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == question.Id).OrderBy(a => a.Text).Select(a => a.Text).Take(MaxOtherAnswers).ToListAsync(cancellationToken)
            : [];
        var cells = breakdown is null ? null : await BreakdownAsync(question.Id, breakdown, counts, cancellationToken);
        return new PollResults(poll.Id, question.Text, poll.Anonymous, poll.IsClosedAt(nowUtc), poll.ParticipantCount, options, others, cells);
    }

    /// <summary>
    /// Per department or site, the cells of at least <see cref="MinimumCell"/> votes; the rest of each option's votes
    /// (small cells and voters without a department or site) in one "other" row, so the rows add up to the totals.
    /// </summary>
    private async Task<PollBreakdown> BreakdownAsync(long questionId, string dimension, Dictionary<long, int> totals, CancellationToken cancellationToken)
    {
        var tallies = await db.Tallies.AsNoTracking().Where(t => t.QuestionId == questionId && t.Dimension == dimension && t.Count >= MinimumCell)
            .OrderBy(t => t.Value).ToListAsync(cancellationToken);
        var rows = tallies.GroupBy(t => t.Value)
            .Select(g => new PollBreakdownRow(g.Key, false, g.ToDictionary(t => t.OptionId, t => t.Count)))
            .ToList();
        var other = totals.ToDictionary(t => t.Key, t => t.Value - tallies.Where(c => c.OptionId == t.Key).Sum(c => c.Count));
        if (other.Values.Any(v => v > 0))
        {
            rows.Add(new PollBreakdownRow(null, true, other));
        }

        return new PollBreakdown(dimension, rows);
    }

    /// <summary>
    /// Counts per option, then, for a named poll to its author and managers, one row per voter and option. Cells a
    /// spreadsheet would run as a formula start with a quote.
    /// </summary>
    public async Task<CsvDocument> CsvAsync(PollStanding standing, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(standing.Question.Id, cancellationToken);
        var csv = new StringBuilder();
        csv.Append(CsvText.Row("option", "votes"));
        foreach (var option in standing.Options)
        {
            csv.Append(CsvText.Row(option.Text, counts.GetValueOrDefault(option.Id).ToString(CultureInfo.InvariantCulture)));
        }

        if (standing.MaySeeVoters)
        {
            await AppendVotersAsync(standing, csv, cancellationToken);
        }

        return new CsvDocument($"poll-{standing.Poll.Id}.csv", csv.ToString());
    }

    private async Task AppendVotersAsync(PollStanding standing, StringBuilder csv, CancellationToken cancellationToken)
    {
        var votes = await db.Votes.AsNoTracking().Where(v => v.PollId == standing.Poll.Id).OrderBy(v => v.UserId).Select(v => new { v.UserId, v.OptionId }).ToListAsync(cancellationToken);
        var others = await db.OtherAnswers.AsNoTracking().Where(a => a.QuestionId == standing.Question.Id && a.UserId != null).ToDictionaryAsync(a => a.UserId!, a => a.Text, cancellationToken);
        var names = await people.GetByIdsAsync([.. votes.Select(v => v.UserId).Concat(others.Keys).Distinct()], cancellationToken);
        var texts = standing.Options.ToDictionary(o => o.Id, o => o.Text);
        csv.Append("\r\n").Append(CsvText.Row("voter", "userName", "choice"));
        foreach (var vote in votes)
        {
            var person = names.GetValueOrDefault(vote.UserId);
            csv.Append(CsvText.Row(person?.DisplayName ?? vote.UserId, person?.UserName ?? "", texts.GetValueOrDefault(vote.OptionId, "")));
        }

        foreach (var (userId, text) in others.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var person = names.GetValueOrDefault(userId);
            csv.Append(CsvText.Row(person?.DisplayName ?? userId, person?.UserName ?? "", T["Other: {0}", text]));
        }
    }

    private static double Percent(int votes, int participants) => participants == 0 ? 0 : Math.Round(100.0 * votes / participants, 1);
}
