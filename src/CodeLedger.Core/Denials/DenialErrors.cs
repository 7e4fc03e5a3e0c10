using CodeLedger.Core.Common;

namespace CodeLedger.Core.Denials;

/// <summary>Errors of denial root causes and work items (docs/REMITTANCE.md). Listed with their statuses in docs/ERRORS.md.</summary>
public static class DenialErrors
{
    /// <summary>A root-cause rules file that is not the documented CSV (file, line and field named).</summary>
    public static readonly ErrorCode RulesInvalid = new("DENIAL-RULES-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>A work-item step its state does not allow (a written-off denial appealed, a resolved one resubmitted...).</summary>
    public static readonly ErrorCode Transition = new("DENIAL-TRANSITION", ErrorExit.Refused, Http.Conflict);

    /// <summary>A work item that does not exist, or that belongs to a practice the user does not reach (the same answer, so a stranger learns nothing).</summary>
    public static readonly ErrorCode ItemUnknown = new("DENIAL-ITEM-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>A step by a user outside the team that owns the denial (a coder on a billing denial, a practice admin on a coding one, a coder on another coder's).</summary>
    public static readonly ErrorCode RoleRefused = new("DENIAL-ROLE-REFUSED", ErrorExit.Refused, Http.Forbidden);

    /// <summary>A step asked with a bad option: a missing or empty note or reason.</summary>
    public static readonly ErrorCode StepInvalid = new("DENIAL-STEP-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A denial figure asked with a bad option: an empty practice, an as-of date before the month ends.</summary>
    public static readonly ErrorCode FiguresInvalid = new("DENIAL-FIGURES-INVALID", ErrorExit.Refused, Http.BadRequest);
}
