namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A one-time backfill, per encounter: the keyed hashes (<c>hmac-sha256:KEYID:HEX</c>) of the PHI
/// texts that events written by earlier builds carried only as plain SHA-256, or not at all (the
/// demographics), computed from the stored, decrypted values by `codeledger db migrate` so that
/// replay can compare them. Old events are never edited. It lists only what was missing: the
/// documentation versions, the demographics (null when they were already hashed) and the queries of
/// the encounter, a query's answer only when it was answered. Subject: the encounter's external id.
/// </summary>
public sealed record PhiHashesRecorded(
    Guid Encounter,
    IReadOnlyList<DocumentationHashRecord> Documentation,
    string? DemographicsHash,
    IReadOnlyList<QueryHashRecord> Queries) : ILedgerEvent
{
    public static string Type => "phi.hashes-recorded";
}

/// <summary>The keyed hash of one documentation version's note.</summary>
public sealed record DocumentationHashRecord(int Version, string Hash);

/// <summary>The keyed hashes of a query's question and answer; either is null when it was not missing.</summary>
public sealed record QueryHashRecord(Guid Query, string? QuestionHash, string? AnswerHash);
