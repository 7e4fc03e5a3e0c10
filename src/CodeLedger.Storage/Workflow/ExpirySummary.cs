namespace CodeLedger.Storage.Workflow;

/// <summary>
/// What one expiry run did: queries found overdue and closed as unresolved, encounters finalized
/// without a response, encounters left waiting because nothing was coded yet, and encounters left
/// for a coder because their latest coding codes an earlier note, is held by edit errors, or the
/// note is not complete (docs/WORKFLOW.md, "Expiry").
/// </summary>
public sealed record ExpirySummary(int Expired, int FinalizedWithoutResponse, int NothingCodedYet, int LeftForCoder);
