namespace CodeLedger.Core.Common;

/// <summary>Errors of fields every entity validates the same way (<see cref="Guard"/>). Listed with their statuses in docs/ERRORS.md.</summary>
public static class CommonErrors
{
    /// <summary>A required text field is empty.</summary>
    public static readonly ErrorCode FieldRequired = new("FIELD-REQUIRED", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A text field is longer than its column allows.</summary>
    public static readonly ErrorCode FieldTooLong = new("FIELD-TOO-LONG", ErrorExit.Refused, Http.BadRequest);
}
