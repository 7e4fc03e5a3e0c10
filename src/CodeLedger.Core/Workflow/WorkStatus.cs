namespace CodeLedger.Core.Workflow;

public enum WorkStatus
{
    /// <summary>Received and assigned to a coder; no coding yet.</summary>
    Assigned,

    /// <summary>Received, but no qualified coder was available.</summary>
    Uncovered,

    /// <summary>Coding submitted but not final: edit errors, or a documentation query is open.</summary>
    InCoding,

    /// <summary>Coding final: the turnaround clock has stopped.</summary>
    Finalized,
}
