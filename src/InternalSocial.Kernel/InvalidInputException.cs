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

    /// <summary>A request without the JSON body it needs; <paramref name="shape"/> lists its fields ("{title, url}").</summary>
    public static InvalidInputException BodyRequired(string shape, string field = "body") =>
        new(field, KernelTexts.Shared["A JSON body {0} is required.", shape]);

    /// <summary>A change request without any field to change.</summary>
    public static InvalidInputException ChangesRequired() =>
        new("body", KernelTexts.Shared["A JSON body with the fields to change is required."]);

    /// <summary>Field name → problem.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }
}
