namespace CodeLedger.Storage.Workflow;

/// <summary>What one expiry run did: queries found overdue and closed as unresolved, encounters finalized without a response, encounters left waiting because nothing was coded yet.</summary>
public sealed record ExpirySummary(int Expired, int FinalizedWithoutResponse, int NothingCodedYet);
