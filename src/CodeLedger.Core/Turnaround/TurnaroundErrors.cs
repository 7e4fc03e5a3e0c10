using CodeLedger.Core.Common;

namespace CodeLedger.Core.Turnaround;

/// <summary>Errors of the turnaround clock. Listed with their statuses in docs/ERRORS.md.</summary>
public static class TurnaroundErrors
{
    /// <summary>A time period that ends before it starts.</summary>
    public static readonly ErrorCode PeriodEndsBeforeStart = new("PERIOD-ENDS-BEFORE-START", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A turnaround measured to an instant before its start.</summary>
    public static readonly ErrorCode StopBeforeStart = new("TURNAROUND-STOP-BEFORE-START", ErrorExit.Refused, Http.BadRequest);
}
