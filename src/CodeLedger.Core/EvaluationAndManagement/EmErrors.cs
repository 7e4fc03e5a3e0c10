using CodeLedger.Core.Common;

namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>Errors of E/M input. Listed with their statuses in docs/ERRORS.md.</summary>
public static class EmErrors
{
    /// <summary>E/M input that is not the documented JSON (every unknown or bad field named).</summary>
    public static readonly ErrorCode InputInvalid = new("EM-INPUT-INVALID", ErrorExit.Unreadable, Http.BadRequest);
}
