using InternalSocial.Kernel.Recipes;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>
/// <c>{ "name": "probe-note", "text": "…", "fail": false }</c>: writes a note, then fails if asked, after validation
/// has passed, as a step that breaks while applying would.
/// </summary>
public sealed class ProbeRecipeStep(ProbeDbContext db) : IRecipeStepHandler
{
    public string StepName => "probe-note";

    public Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "text", "fail");
        reader.Text(step.Data, "", "text", required: true);
        reader.Flag(step.Data, "", "fail");
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        db.Notes.Add(new ProbeNote { Text = step.Data["text"]!.GetValue<string>(), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        if (step.Data["fail"]?.GetValue<bool>() == true)
        {
            throw new InvalidOperationException("The probe step was asked to fail.");
        }
    }
}
