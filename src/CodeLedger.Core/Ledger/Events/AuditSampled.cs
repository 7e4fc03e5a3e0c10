namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An audit engagement drew its sample (docs/AUDIT.md, "Commands and API"): the plan's options, the
/// frame's size and strata, every drawn encounter with its position, stratum and the population
/// facts the sampler used (key, rendering NPI, specialty, coder, date of service), the conversion
/// factors the engagement prices by, and the grant that lets the auditing organization read exactly
/// the sampled encounters. Ids, keys, NPIs and codes only: no PHI. Subject: the audit's code.
/// </summary>
/// <param name="Adjudicator">The user name who decides rebuttals.</param>
/// <param name="ConversionFactors">The dollars per RVU by date, from the file given at sampling: the ledger alone prices the audit.</param>
public sealed record AuditSampled(
    Guid Audit,
    string Practice,
    string AuditorOrganization,
    string Kind,
    string Adjudicator,
    string Seed,
    DateOnly From,
    DateOnly To,
    int? Size,
    bool SizeFromMargin,
    decimal Margin,
    decimal Expected,
    string Stratification,
    int? PerStratum,
    string? Specialty,
    decimal Floor,
    string Definition,
    int FrameSize,
    int RequiredSize,
    IReadOnlyList<AuditSampled.Stratum> Strata,
    IReadOnlyList<AuditSampled.Member> Members,
    IReadOnlyList<AuditSampled.Factor> ConversionFactors,
    Guid Grant,
    DateTimeOffset GrantFrom,
    DateTimeOffset GrantTo,
    DateTimeOffset SampledAt) : ILedgerEvent
{
    public static string Type => "audit.sampled";

    public sealed record Stratum(string Name, int FrameCount, int Allocated);

    /// <param name="Coder">The coder of the vendor's coding of record; null for an imported claim.</param>
    public sealed record Member(int Position, Guid Encounter, string Key, string Npi, string Specialty, Guid? Coder, DateOnly DateOfService, string Stratum, int StratumRank);

    public sealed record Factor(DateOnly From, DateOnly Through, string Type, decimal Value);
}
