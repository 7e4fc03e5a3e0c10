using CodeLedger.Core.Common;

namespace CodeLedger.Core.Denials;

/// <summary>Errors of denial root causes and work items (docs/REMITTANCE.md). Listed with their statuses in docs/ERRORS.md.</summary>
public static class DenialErrors
{
    /// <summary>A root-cause rules file that is not the documented CSV (file, line and field named).</summary>
    public static readonly ErrorCode RulesInvalid = new("DENIAL-RULES-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>A work-item step its state does not allow (a written-off denial appealed, a resolved one resubmitted...).</summary>
    public static readonly ErrorCode Transition = new("DENIAL-TRANSITION", ErrorExit.Refused, Http.Conflict);

    /// <summary>A denial figure asked with a bad option: an empty practice, an as-of date before the month ends.</summary>
    public static readonly ErrorCode FiguresInvalid = new("DENIAL-FIGURES-INVALID", ErrorExit.Refused, Http.BadRequest);
}
