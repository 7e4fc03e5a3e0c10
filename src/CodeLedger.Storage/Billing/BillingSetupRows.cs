using CodeLedger.Core.Billing;

namespace CodeLedger.Storage.Billing;

/// <summary>
/// A payer a practice bills (table payers; setup document, docs/SETUP.md): the practice's code for it,
/// name, payer id (NM1*PR NM109), claim filing indicator (SBR09), the trading partner its claims go
/// through (ISA07/ISA08, GS03) and whether it is active. A payer is deactivated, never deleted:
/// claims name it.
/// </summary>
public sealed class PayerRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PayerId { get; set; } = string.Empty;

    public string ClaimFilingIndicator { get; set; } = string.Empty;

    public string InterchangeQualifier { get; set; } = string.Empty;

    public string InterchangeId { get; set; } = string.Empty;

    public string GroupReceiverCode { get; set; } = string.Empty;

    public bool Active { get; set; } = true;

    public ClaimPayer ToClaimPayer() =>
        new(Code, Name, PayerId, ClaimFilingIndicator, Active, new TradingPartner(InterchangeQualifier, InterchangeId, GroupReceiverCode));
}

/// <summary>
/// The practice as billing provider and as submitter (table billing_profiles, one row per practice;
/// setup document): group NPI, EIN, pay-to address, and the submitter id (ETIN) its clearinghouse
/// assigned with the contact the 837P names. Not PHI.
/// </summary>
public sealed class BillingProfileRow
{
    public Guid PracticeId { get; set; }

    public string Npi { get; set; } = string.Empty;

    public string Ein { get; set; } = string.Empty;

    public string AddressLine1 { get; set; } = string.Empty;

    public string? AddressLine2 { get; set; }

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string SubmitterEtin { get; set; } = string.Empty;

    public string SubmitterName { get; set; } = string.Empty;

    public string ContactName { get; set; } = string.Empty;

    public string ContactPhone { get; set; } = string.Empty;

    /// <summary>ISA15 P (production) when true, else T (test).</summary>
    public bool Production { get; set; }

    public BillingIdentity ToIdentity(string practiceName) =>
        new(practiceName, Npi, Ein, new BillingAddress(AddressLine1, AddressLine2, City, State, PostalCode));

    public ClaimSubmitter ToSubmitter() => new(SubmitterEtin, SubmitterName, ContactName, ContactPhone, Production);
}

/// <summary>
/// The coverage an encounter was received with (table encounter_coverages; intake, docs/INTAKE.md):
/// the payer's code in clear (claims are batched by it) and, encrypted like the demographics
/// (Protection/PhiColumns), the policy (member id, relationship, group, subscriber) and the
/// patient's address. Each intake version that changes it is a new <see cref="Version"/>, ledgered.
/// </summary>
public sealed class EncounterCoverageRow
{
    public Guid EncounterId { get; set; }

    public int Version { get; set; }

    public string PayerCode { get; set; } = string.Empty;

    public ClaimCoverage Policy { get; set; } = null!;

    public BillingAddress? PatientAddress { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
