using CodeLedger.Core.Remittances;

namespace CodeLedger.Core.Denials;

/// <summary>
/// One claim as the denial figures need it, built alike from stored rows and from replayed events
/// (so both give the same figures): practice, payer, date of service, first submission, charge,
/// whether the first 999 and 277CA accepted it, how many times it was submitted (1 = never
/// corrected or resubmitted), and its postings with the date each was posted (the 835's BPR16
/// payment date, else the day it was imported).
/// </summary>
public sealed record ClaimHistory(
    string ClaimId,
    string Practice,
    string PayerId,
    DateOnly ServiceDate,
    DateOnly FirstSubmitted,
    decimal Charge,
    bool AcceptedOnFirstAcknowledgment,
    int Submissions,
    IReadOnlyList<DatedPosting> Postings);

/// <summary>A claim posting and the day it counts from.</summary>
public sealed record DatedPosting(DateOnly PostedOn, ClaimPosting Posting);
