namespace CodeLedger.Core.Scorecard;

/// <summary>
/// Everything the scorecard of one vendor at one practice is decided from. Storage fills it from
/// the tables; tests write it by hand. A source CodeLedger does not hold yet is said so
/// (<see cref="CountEvidence.Tracked"/> false), never filled with a made-up figure.
/// </summary>
public sealed record ScorecardEvidence(
    string Practice,
    string Vendor,
    DateOnly Today,
    IReadOnlyList<BaaEvidence> Agreements,
    ContractEvidence? Contract,
    IReadOnlyList<AuditEvidence> Audits,
    IReadOnlyList<SpecialtyEvidence> Specialties,
    QueryEvidence Queries,
    TrainingEvidence Training,
    CountEvidence MonthlyPackages,
    CountEvidence ClaimsSubmitted,
    IReadOnlyList<RecordedAnswer> Answers);

/// <summary>A BAA between the practice and the vendor: signed, effective, its last day if it has one, in force today.</summary>
public sealed record BaaEvidence(DateOnly SignedOn, DateOnly EffectiveOn, DateOnly? LastDay, bool InForceToday, string DocumentSha256);

/// <summary>The contract in force today: the written turnaround commitment, its clock, the accuracy it guarantees, the query window.</summary>
public sealed record ContractEvidence(DateOnly EffectiveOn, int TurnaroundTargetHours, string Clock, decimal AccuracyFloorPercent, int QueryResponseWindowHours);

/// <summary>
/// An audit of the practice whose sample holds encounters this vendor coded: who audited, whether
/// independent, the method's definition, and its accuracy once re-codings are recorded.
/// </summary>
public sealed record AuditEvidence(Guid Id, string Kind, string AuditorOrganization, DateOnly From, DateOnly To, string Definition, decimal Floor,
    int SampleSize, int Audited, double? Accuracy, double? Lower, double? Upper)
{
    public bool Independent => Kind == "independent";

    public bool HasResults => Audited > 0 && Accuracy is not null;
}

/// <summary>A specialty the practice sends the vendor (encounters, else its physicians) and the vendor's coders certified for it today.</summary>
public sealed record SpecialtyEvidence(string Specialty, int Encounters, IReadOnlyList<string> CertifiedCoders);

/// <summary>Documentation queries on the practice's encounters worked by this vendor.</summary>
public sealed record QueryEvidence(int Raised, int Answered, int Unresolved, int Open, IReadOnlyDictionary<string, int> Categories);

/// <summary>Code-set training of the vendor's active coders: records, late ones, coders without any.</summary>
public sealed record TrainingEvidence(int Coders, int Records, int Late, IReadOnlyList<string> Releases);

/// <summary>
/// A count from a part of CodeLedger that may not exist yet (claims submitted in the last 90 days,
/// monthly packages generated): <see cref="Tracked"/> false says no table holds it, and the
/// criterion is unknown, said plainly.
/// </summary>
public sealed record CountEvidence(bool Tracked, int Count, string What)
{
    public static CountEvidence NotTracked(string what) => new(false, 0, what);
}
