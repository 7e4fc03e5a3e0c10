using CodeLedger.Core.Common;

namespace CodeLedger.Core.Workflow;

/// <summary>Errors about the vendor's work item on an encounter. Listed with their statuses in docs/ERRORS.md.</summary>
public static class WorkflowErrors
{
    /// <summary>Finalizing before the documentation was complete.</summary>
    public static readonly ErrorCode FinalizeBeforeDocumentation = new("FINALIZE-BEFORE-DOCUMENTATION", ErrorExit.Refused, Http.Conflict);

    /// <summary>Finalizing work that is already final.</summary>
    public static readonly ErrorCode AlreadyFinalized = new("WORK-ALREADY-FINALIZED", ErrorExit.Refused, Http.Conflict);
}
