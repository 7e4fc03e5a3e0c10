using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coding;

/// <summary>Errors about a coding submission and who may make it. Listed with their statuses in docs/ERRORS.md.</summary>
public static class CodingErrors
{
    /// <summary>A coding file that is not the documented JSON (each bad field is named).</summary>
    public static readonly ErrorCode Invalid = new("CODING-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Coding with no diagnosis or more than 12.</summary>
    public static readonly ErrorCode Diagnoses = new("CODING-DIAGNOSES", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Coding without a service line.</summary>
    public static readonly ErrorCode Lines = new("CODING-LINES", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A coding version below 1.</summary>
    public static readonly ErrorCode Version = new("CODING-VERSION", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A negative charge.</summary>
    public static readonly ErrorCode LineCharge = new("LINE-CHARGE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>More than four modifiers on a line.</summary>
    public static readonly ErrorCode LineModifiers = new("LINE-MODIFIERS", ErrorExit.Refused, Http.BadRequest);

    /// <summary>More than four diagnosis pointers on a line, or a pointer outside 1-12.</summary>
    public static readonly ErrorCode LinePointers = new("LINE-POINTERS", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Units that are not positive, or have more than three decimals.</summary>
    public static readonly ErrorCode LineUnits = new("LINE-UNITS", ErrorExit.Refused, Http.BadRequest);

    /// <summary>The encounter is assigned to another coder, or to another vendor.</summary>
    public static readonly ErrorCode NotAssigned = new("CODING-NOT-ASSIGNED", ErrorExit.Refused, Http.Forbidden);

    /// <summary>Only a lead coder of the encounter's vendor may override edit errors.</summary>
    public static readonly ErrorCode OverrideNotLead = new("CODING-OVERRIDE-NOT-LEAD", ErrorExit.Refused, Http.Forbidden);

    /// <summary>The encounter is already finalized.</summary>
    public static readonly ErrorCode AlreadyFinal = new("CODING-ALREADY-FINAL", ErrorExit.Refused, Http.Conflict);
}
