using CodeLedger.Core.Common;

namespace CodeLedger.Core.Intake;

/// <summary>Errors of an encounter file at intake. The whole file is refused; nothing is stored. Listed with their statuses in docs/ERRORS.md.</summary>
public static class IntakeErrors
{
    /// <summary>A FHIR resource the encounter needs is missing.</summary>
    public static readonly ErrorCode MissingResource = new("INTAKE-MISSING-RESOURCE", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A required field is missing (named by resource and field).</summary>
    public static readonly ErrorCode MissingField = new("INTAKE-MISSING-FIELD", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A field is present but malformed (named; its value is never quoted).</summary>
    public static readonly ErrorCode InvalidField = new("INTAKE-INVALID-FIELD", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>The file is not a FHIR Bundle, NDJSON or CSV of the documented shape.</summary>
    public static readonly ErrorCode Unreadable = new("INTAKE-UNREADABLE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An encounter names a physician not enrolled at the practice.</summary>
    public static readonly ErrorCode UnknownNpi = new("INTAKE-UNKNOWN-NPI", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>An encounter names a physician enrolled at the practice but deactivated (left the practice).</summary>
    public static readonly ErrorCode InactivePhysician = new("INTAKE-INACTIVE-PHYSICIAN", ErrorExit.Refused, Http.UnprocessableContent);
}
