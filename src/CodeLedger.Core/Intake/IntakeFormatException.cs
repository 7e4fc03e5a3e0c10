namespace CodeLedger.Core.Intake;

/// <summary>
/// An incoming encounter file is refused: a required resource or field is missing or malformed.
/// <see cref="Code"/> is stable; <see cref="Resource"/> and <see cref="Field"/> name what is wrong
/// (the API turns them into a ProblemDetails). Messages never quote patient data.
/// </summary>
public sealed class IntakeFormatException(string code, string location, string resource, string field, string message)
    : Exception($"{location}: {resource}.{field}: {message}")
{
    public const string MissingResource = "INTAKE-MISSING-RESOURCE";
    public const string MissingField = "INTAKE-MISSING-FIELD";
    public const string InvalidField = "INTAKE-INVALID-FIELD";
    public const string Unreadable = "INTAKE-UNREADABLE";

    public string Code { get; } = code;

    /// <summary>Where in the file: "line 12", "bundle entry 3".</summary>
    public string Location { get; } = location;

    public string Resource { get; } = resource;

    public string Field { get; } = field;
}
