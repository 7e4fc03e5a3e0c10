using CodeLedger.Core.Common;

namespace CodeLedger.Core.Agreements;

/// <summary>
/// A HIPAA business associate agreement between a practice (covered entity) and a coding vendor
/// (business associate), 45 CFR 164.504(e). No PHI may move to the vendor unless one is in force.
/// The SHA-256 of the signed document ties this record to the paper both parties signed.
/// </summary>
public sealed class BusinessAssociateAgreement
{
    private BusinessAssociateAgreement()
    {
        PracticeSignatory = string.Empty;
        VendorSignatory = string.Empty;
        DocumentSha256 = string.Empty;
    }

    public BusinessAssociateAgreement(
        Guid id, Guid practiceId, Guid vendorId, string practiceSignatory, string vendorSignatory,
        DateOnly signedOn, DateOnly effectiveOn, DateOnly? expiresOn, string documentSha256)
    {
        if (expiresOn is { } end && end < effectiveOn)
        {
            throw new DomainException(AgreementErrors.Dates, $"agreement expires ({end:yyyy-MM-dd}) before it takes effect ({effectiveOn:yyyy-MM-dd})");
        }

        if (signedOn > effectiveOn)
        {
            throw new DomainException(AgreementErrors.Dates, $"agreement takes effect ({effectiveOn:yyyy-MM-dd}) before it was signed ({signedOn:yyyy-MM-dd})");
        }

        var hash = documentSha256?.Trim().ToLowerInvariant() ?? string.Empty;
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException(AgreementErrors.DocumentHash, $"document SHA-256 '{documentSha256}' must be 64 hexadecimal digits");
        }

        Id = id;
        PracticeId = practiceId;
        VendorId = vendorId;
        PracticeSignatory = Guard.Text(practiceSignatory, "practice signatory");
        VendorSignatory = Guard.Text(vendorSignatory, "vendor signatory");
        SignedOn = signedOn;
        EffectiveOn = effectiveOn;
        ExpiresOn = expiresOn;
        DocumentSha256 = hash;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid VendorId { get; private set; }

    public string PracticeSignatory { get; private set; }

    public string VendorSignatory { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    /// <summary>Last day in force; null while the agreement runs until terminated.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public string DocumentSha256 { get; private set; }

    /// <summary>Last day in force of an agreement ended early by either party; null while it runs its term.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>In force on a calendar day (inclusive of the first and the last day, expiry or termination).</summary>
    public bool IsInForceOn(DateOnly day) => day >= EffectiveOn && (ExpiresOn is null || day <= ExpiresOn) && (TerminatedOn is null || day <= TerminatedOn);

    /// <summary>
    /// Ends the agreement after <paramref name="lastDay"/>. The signed terms stay as they were: a
    /// termination is a fact added to the agreement, recorded as its own ledger event.
    /// </summary>
    public void Terminate(DateOnly lastDay)
    {
        if (lastDay < SignedOn)
        {
            throw new DomainException(AgreementErrors.Dates, $"agreement is terminated ({lastDay:yyyy-MM-dd}) before it was signed ({SignedOn:yyyy-MM-dd})");
        }

        TerminatedOn = lastDay;
    }
}
