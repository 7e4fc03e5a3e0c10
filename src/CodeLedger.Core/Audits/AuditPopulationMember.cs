using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>
/// One encounter of the practice that an audit may sample: what Storage's population reader gives
/// Core. <paramref name="EncounterKey"/> is the practice's own encounter identifier (the claim or
/// visit number it imported, not PHI); the sample is drawn on it, so anyone holding the practice's
/// list can redraw it. <paramref name="CoderId"/> is null for claims imported from the vendor (837P).
/// </summary>
public sealed record AuditPopulationMember
{
    /// <summary>The longest encounter key accepted: keys are identifiers, not text.</summary>
    public const int MaxKeyLength = 100;

    public AuditPopulationMember(Guid EncounterId, string EncounterKey, Npi Physician, string Specialty, Guid? CoderId, DateOnly DateOfService)
    {
        if (string.IsNullOrEmpty(EncounterKey) || EncounterKey.Length > MaxKeyLength || EncounterKey.Any(char.IsControl))
        {
            throw new DomainException(AuditErrors.PopulationInvalid,
                $"encounter {EncounterId}: its key must be 1 to {MaxKeyLength} characters without control characters (the sample hashes it after a newline)");
        }

        this.EncounterId = EncounterId;
        this.EncounterKey = EncounterKey;
        this.Physician = Physician;
        this.Specialty = Specialty ?? string.Empty;
        this.CoderId = CoderId;
        this.DateOfService = DateOfService;
    }

    public Guid EncounterId { get; }

    public string EncounterKey { get; }

    public Npi Physician { get; }

    public string Specialty { get; }

    public Guid? CoderId { get; }

    public DateOnly DateOfService { get; }
}
