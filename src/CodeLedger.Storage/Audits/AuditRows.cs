using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Audits;

/// <summary>
/// audit_engagements: one audit of a practice by an auditing organization, with the plan's options
/// as given, the frame it was drawn from, the conversion factors it prices by and the grant it wrote
/// (docs/AUDIT.md, "Commands and API"). Findings are not stored: they are computed from the codings.
/// </summary>
public sealed class AuditEngagementRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public Guid AuditorOrganizationId { get; set; }

    /// <summary>independent or internal.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The user name who decides rebuttals.</summary>
    public string Adjudicator { get; set; } = string.Empty;

    public string Seed { get; set; } = string.Empty;

    public DateOnly FromDate { get; set; }

    public DateOnly ToDate { get; set; }

    public int? FixedSize { get; set; }

    public bool SizeFromMargin { get; set; }

    public decimal Margin { get; set; }

    public decimal ExpectedAccuracy { get; set; }

    /// <summary>none, physician or specialty.</summary>
    public string Stratification { get; set; } = string.Empty;

    public int? PerStratum { get; set; }

    public string? Specialty { get; set; }

    public decimal Floor { get; set; }

    public string Definition { get; set; } = string.Empty;

    public int FrameSize { get; set; }

    public int RequiredSize { get; set; }

    public List<AuditSampled.Stratum> Strata { get; set; } = [];

    public List<AuditSampled.Factor> ConversionFactors { get; set; } = [];

    /// <summary>The audit_grants row this engagement wrote for the auditing organization.</summary>
    public Guid GrantId { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>audit_sample_members: the drawn encounters in draw order, with the population facts the sampler used.</summary>
public sealed class AuditSampleMemberRow
{
    public Guid AuditId { get; set; }

    public int Position { get; set; }

    public Guid EncounterId { get; set; }

    public string EncounterKey { get; set; } = string.Empty;

    public string PhysicianNpi { get; set; } = string.Empty;

    public string Specialty { get; set; } = string.Empty;

    public Guid? CoderId { get; set; }

    public DateOnly DateOfService { get; set; }

    public string Stratum { get; set; } = string.Empty;

    public int StratumRank { get; set; }
}

/// <summary>audit_codings: an auditor's blind re-coding of one sampled encounter, with the vendor's coding of record and the prices its comparison used.</summary>
public sealed class AuditCodingRow
{
    public Guid Id { get; set; }

    public Guid AuditId { get; set; }

    public Guid EncounterId { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    public List<IcdCode> Diagnoses { get; set; } = [];

    public List<ServiceLine> ServiceLines { get; set; } = [];

    /// <summary>The auditor's E/M elements in the <c>em level</c> input shape, when given.</summary>
    public string? Em { get; set; }

    /// <summary>codeledger-final or vendor-claim.</summary>
    public string VendorSource { get; set; } = string.Empty;

    public int VendorVersion { get; set; }

    public List<IcdCode> VendorDiagnoses { get; set; } = [];

    public List<ServiceLine> VendorServiceLines { get; set; } = [];

    public List<AuditCodingRecorded.Price> Prices { get; set; } = [];

    public decimal ConversionFactor { get; set; }
}

/// <summary>audit_rebuttals: the vendor's rebuttal of one finding (the reason is free text, so the ledger holds only its keyed hash).</summary>
public sealed class AuditRebuttalRow
{
    public Guid Id { get; set; }

    public Guid AuditId { get; set; }

    public string FindingId { get; set; } = string.Empty;

    public string RebuttedBy { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset RebuttedAt { get; set; }
}

/// <summary>audit_adjudications: the adjudicator's decision on a rebutted finding.</summary>
public sealed class AuditAdjudicationRow
{
    public Guid Id { get; set; }

    public Guid AuditId { get; set; }

    public string FindingId { get; set; } = string.Empty;

    /// <summary>upheld or reversed.</summary>
    public string Outcome { get; set; } = string.Empty;

    public string AdjudicatedBy { get; set; } = string.Empty;

    public DateTimeOffset AdjudicatedAt { get; set; }
}
