namespace InternalSocial.Metrics;

/// <summary>A method, constructor, accessor or a file's top-level statements, with its length in lines.</summary>
public sealed record LongMethod(string File, string Name, int Lines);
