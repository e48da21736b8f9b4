namespace InternalSocial.Polls.Quizzes;

/// <summary>A question block of the new quiz form.</summary>
internal sealed class NewQuizQuestion
{
    /// <summary>The option rows a question shows; blank ones are left out.</summary>
    public const int OptionRows = 4;

    public string? Text { get; set; }

    public bool Multiple { get; set; }

    public string? Explanation { get; set; }

    public List<NewQuizOption> Options { get; set; } = [];

    /// <summary>The option rows to render: what was typed, padded to <see cref="OptionRows"/>.</summary>
    public IReadOnlyList<NewQuizOption> Rows => [.. Options, .. Enumerable.Range(0, Math.Max(0, OptionRows - Options.Count)).Select(_ => new NewQuizOption())];

    public QuizQuestionInput ToInput() =>
        new(Text, [.. Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => new QuizOptionInput(o.Text, o.Correct))], Multiple, Explanation);
}
