namespace InternalSocial.Kernel;

/// <summary>Input that names its bad fields. Endpoints turn it into a 400 validation problem.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyDictionary<string, string> errors)
        : base(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")))
    {
        Errors = errors;
    }

    public InvalidInputException(string field, string problem)
        : this(new Dictionary<string, string> { [field] = problem })
    {
    }

    /// <summary>Field name → problem.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }
}
