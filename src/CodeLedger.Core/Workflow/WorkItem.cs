using CodeLedger.Core.Assignment;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Core.Workflow;

/// <summary>
/// The vendor's work on one encounter: who has it, where it stands, when its turnaround clock
/// started and stopped. One row per encounter, so the SLA report reads one narrow table.
/// </summary>
public sealed class WorkItem
{
    private WorkItem()
    {
    }

    public WorkItem(Encounter encounter, Guid vendorId, CoderAssignment assignment, DateTimeOffset assignedAt)
    {
        EncounterId = encounter.Id;
        PracticeId = encounter.PracticeId;
        VendorId = vendorId;
        CoderId = assignment.CoderId;
        Basis = assignment.Basis;
        Status = assignment.CoderId is null ? WorkStatus.Uncovered : WorkStatus.Assigned;
        DocumentationCompletedAt = encounter.DocumentationCompletedAt;
        ClockStart = encounter.ClockStart;
        AssignedAt = Instants.Normalize(assignedAt);
        DocumentationVersion = 1;
    }

    public Guid EncounterId { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid VendorId { get; private set; }

    public Guid? CoderId { get; private set; }

    public AssignmentBasis Basis { get; private set; }

    public WorkStatus Status { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public int DocumentationVersion { get; private set; }

    public DateTimeOffset DocumentationCompletedAt { get; private set; }

    /// <summary>Documentation complete, or receipt if later (restarted by a correction when the contract says so).</summary>
    public DateTimeOffset ClockStart { get; private set; }

    public DateTimeOffset? FinalizedAt { get; private set; }

    public int? FinalCodingVersion { get; private set; }

    /// <summary>Finalized after a query expired: coded conservatively to what was documented.</summary>
    public bool CodedWithoutQueryResponse { get; private set; }

    /// <summary>Why a lead finalized despite edit errors; null when no override was needed.</summary>
    public string? OverrideReason { get; private set; }

    public string? OverrideBy { get; private set; }

    public bool IsFinalized => Status == WorkStatus.Finalized;

    public void MarkInCoding()
    {
        if (Status != WorkStatus.Finalized)
        {
            Status = WorkStatus.InCoding;
        }
    }

    /// <summary>
    /// A corrected document arrived. The clock restarts at the later of its completion and its
    /// receipt only when the contract says so and the work is not yet final.
    /// </summary>
    public void AcceptCorrectedDocumentation(DateTimeOffset completedAt, DateTimeOffset receivedAt, bool restartClock)
    {
        DocumentationVersion++;
        if (IsFinalized)
        {
            return;
        }

        DocumentationCompletedAt = Instants.Normalize(completedAt);
        if (restartClock)
        {
            ClockStart = Instants.Normalize(completedAt > receivedAt ? completedAt : receivedAt);
        }
    }

    /// <summary>Stops the clock. Coding cannot be final before the documentation it codes was complete.</summary>
    public void Finalize(DateTimeOffset at, int codingVersion, bool withoutQueryResponse, string? overrideReason, string? overrideBy)
    {
        if (IsFinalized)
        {
            throw new DomainException(WorkflowErrors.AlreadyFinalized, $"encounter {EncounterId} was finalized at {Instants.Format(FinalizedAt!.Value)}");
        }

        if (at < DocumentationCompletedAt)
        {
            throw new DomainException(WorkflowErrors.FinalizeBeforeDocumentation, $"cannot finalize at {Instants.Format(at)}: documentation was completed only at {Instants.Format(DocumentationCompletedAt)}");
        }

        Status = WorkStatus.Finalized;
        FinalizedAt = Instants.Normalize(at);
        FinalCodingVersion = codingVersion;
        CodedWithoutQueryResponse = withoutQueryResponse;
        OverrideReason = overrideReason;
        OverrideBy = overrideReason is null ? null : overrideBy;
    }
}
