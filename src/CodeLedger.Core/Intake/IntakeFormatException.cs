using CodeLedger.Core.Common;

namespace CodeLedger.Core.Intake;

/// <summary>
/// An incoming encounter file is refused: a required resource or field is missing or malformed.
/// <see cref="Error"/> comes from <see cref="IntakeErrors"/>; <see cref="Resource"/> and
/// <see cref="Field"/> name what is wrong (the API turns them into a ProblemDetails). Messages
/// never quote patient data.
/// </summary>
public sealed class IntakeFormatException(ErrorCode error, string location, string resource, string field, string message)
    : Exception($"{location}: {resource}.{field}: {message}"), ICodedError
{
    public ErrorCode Error { get; } = error;

    public string Code => Error.Value;

    /// <summary>Where in the file: "line 12", "bundle entry 3".</summary>
    public string Location { get; } = location;

    public string Resource { get; } = resource;

    public string Field { get; } = field;
}
