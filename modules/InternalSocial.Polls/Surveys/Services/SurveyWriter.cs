using System.Globalization;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// Writes a checked survey: the poll row (kind survey), its survey row and audience, its questions with their pages
/// and conditions, matrix rows as questions of their own. The caller holds the transaction.
/// </summary>
internal sealed class SurveyWriter(PollsDbContext db, TimeProvider clock)
{
    public async Task<Poll> InsertAsync(ValidSurvey valid, string authorId, string? recipeKey, CancellationToken cancellationToken)
    {
        var poll = new Poll { Kind = PollKinds.Survey, Title = valid.Title, AuthorId = authorId, CreatedUtc = Now, RecipeKey = recipeKey };
        Apply(poll, valid);
        db.Polls.Add(poll);
        await db.SaveChangesAsync(cancellationToken);
        var survey = new Survey { PollId = poll.Id };
        Apply(survey, valid);
        db.Surveys.Add(survey);
        await WriteContentAsync(poll.Id, valid, cancellationToken);
        return poll;
    }

    /// <summary>Replaces everything of a survey nobody answered yet (the caller checked it, under the poll row's lock).</summary>
    public async Task ReplaceAsync(Poll poll, ValidSurvey valid, CancellationToken cancellationToken)
    {
        var questionIds = await db.Questions.Where(q => q.PollId == poll.Id).Select(q => q.Id).ToListAsync(cancellationToken);
        await db.Options.Where(o => questionIds.Contains(o.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.SurveyQuestions.Where(q => q.PollId == poll.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Questions.Where(q => q.PollId == poll.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SurveyAudiences.Where(a => a.PollId == poll.Id).ExecuteDeleteAsync(cancellationToken);
        db.Polls.Attach(poll);
        Apply(poll, valid);
        var survey = await db.Surveys.FirstAsync(s => s.PollId == poll.Id, cancellationToken);
        Apply(survey, valid);
        await WriteContentAsync(poll.Id, valid, cancellationToken);
    }

    private async Task WriteContentAsync(long pollId, ValidSurvey valid, CancellationToken cancellationToken)
    {
        AddAudience(pollId, AudienceKinds.Department, valid.Departments);
        AddAudience(pollId, AudienceKinds.Site, valid.Sites);
        AddAudience(pollId, AudienceKinds.Group, [.. valid.GroupIds.Select(g => g.ToString(CultureInfo.InvariantCulture))]);
        var questions = valid.Questions.Select((q, i) => new PollQuestion
        {
            PollId = pollId,
            Position = i,
            Text = q.Text,
            Kind = q.Kind,
            MaxChoices = q.MaxChoices,
        }).ToList();
        db.Questions.AddRange(questions);
        await db.SaveChangesAsync(cancellationToken);

        var rows = valid.Questions.SelectMany((q, i) => q.Rows.Select((text, r) => (Parent: i, Row: new PollQuestion
        {
            PollId = pollId,
            Position = r,
            Text = text,
            Kind = SurveyQuestionKinds.MatrixRow,
        }))).ToList();
        db.Questions.AddRange(rows.Select(r => r.Row));
        await db.SaveChangesAsync(cancellationToken);

        var options = new List<List<PollOption>>();
        foreach (var (question, valid1) in questions.Zip(valid.Questions))
        {
            var list = valid1.Kind == SurveyQuestionKinds.Matrix ? [] : Options(question.Id, valid1.Options);
            options.Add(list);
            db.Options.AddRange(list);
        }

        foreach (var (parent, row) in rows)
        {
            db.Options.AddRange(Options(row.Id, valid.Questions[parent].Options));
        }

        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = valid.Questions[i];
            db.SurveyQuestions.Add(new SurveyQuestion
            {
                QuestionId = questions[i].Id,
                PollId = pollId,
                Page = q.Page,
                Required = q.Required,
                ShowWhenQuestionId = q.ShowWhenQuestion is { } target ? questions[target].Id : null,
                ShowWhenOptionId = q.ShowWhenQuestion is { } t && q.ShowWhenOptions is [var o, ..] ? options[t][o].Id : null,
                ShowWhenMoreOptionIds = q.ShowWhenQuestion is { } u && q.ShowWhenOptions is [_, _, ..] more
                    ? string.Join(',', more.Skip(1).Select(m => options[u][m].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    : null,
            });
        }

        foreach (var (parent, row) in rows)
        {
            db.SurveyQuestions.Add(new SurveyQuestion
            {
                QuestionId = row.Id,
                PollId = pollId,
                Page = valid.Questions[parent].Page,
                Required = valid.Questions[parent].Required,
                ParentQuestionId = questions[parent].Id,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddAudience(long pollId, string kind, IReadOnlyList<string> values) =>
        db.SurveyAudiences.AddRange(values.Select(v => new SurveyAudience { PollId = pollId, Kind = kind, Value = v }));

    private static List<PollOption> Options(long questionId, IReadOnlyList<string> texts) =>
        [.. texts.Select((text, i) => new PollOption { QuestionId = questionId, Position = i, Text = text })];

    private static void Apply(Poll poll, ValidSurvey valid)
    {
        poll.Title = valid.Title;
        poll.Description = valid.Description;
        poll.Anonymous = valid.Anonymous;
        poll.ResultsVisibility = valid.ResultsVisibility;
        poll.ClosesUtc = valid.ClosesUtc;
    }

    private void Apply(Survey survey, ValidSurvey valid)
    {
        survey.OpensUtc = valid.OpensUtc;
        survey.Everyone = valid.Everyone;
        survey.ReminderMode = valid.ReminderMode;
        survey.ReminderDays = valid.ReminderDays;
        survey.NextReminderUtc = valid.ReminderDays is { } days ? (valid.OpensUtc ?? Now).AddDays(days) : null;
        survey.ReminderRound = 0;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
