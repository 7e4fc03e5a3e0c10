using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Claims;

/// <summary>
/// One version of a vendor's coding of record for an encounter, as the vendor billed it in an 837P
/// the practice imported (docs/CLAIMS-IMPORT.md). Versions are never overwritten: a corrected claim
/// in a later file is a new version, so an audit can take the latest imported before its sample was drawn.
/// Holds codes and control numbers only: no name, member id or birth date from the claim.
/// </summary>
public sealed class VendorClaimCoding
{
    private VendorClaimCoding()
    {
        FileSha256 = InterchangeControl = GroupControl = TransactionControl = PatientControlNumber = string.Empty;
        Diagnoses = [];
        ServiceLines = [];
    }

    public VendorClaimCoding(Guid id, Guid encounterId, Guid vendorId, int version, DateTimeOffset importedAt, string fileSha256,
        string interchangeControl, string groupControl, string transactionControl, string patientControlNumber,
        IReadOnlyList<IcdCode> diagnoses, IReadOnlyList<ServiceLine> serviceLines)
    {
        if (version < 1)
        {
            throw new DomainException(CodingErrors.Version, "vendor coding versions start at 1");
        }

        if (diagnoses.Count is 0 or > CodingResult.MaxDiagnoses)
        {
            throw new DomainException(CodingErrors.Diagnoses, $"coding needs 1 to {CodingResult.MaxDiagnoses} diagnoses, got {diagnoses.Count}");
        }

        if (serviceLines.Count == 0)
        {
            throw new DomainException(CodingErrors.Lines, "coding needs at least one service line");
        }

        Id = id;
        EncounterId = encounterId;
        VendorId = vendorId;
        Version = version;
        ImportedAt = Instants.Normalize(importedAt);
        FileSha256 = fileSha256;
        InterchangeControl = interchangeControl;
        GroupControl = groupControl;
        TransactionControl = transactionControl;
        PatientControlNumber = patientControlNumber;
        Diagnoses = [.. diagnoses];
        ServiceLines = [.. serviceLines];
    }

    public Guid Id { get; private set; }

    public Guid EncounterId { get; private set; }

    /// <summary>The coding vendor whose claim this is.</summary>
    public Guid VendorId { get; private set; }

    /// <summary>1, 2, 3... per encounter and vendor, in import order.</summary>
    public int Version { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of the whole 837P file the claim came from.</summary>
    public string FileSha256 { get; private set; }

    /// <summary>ISA13, GS06 and ST02 of the claim's envelope, so the claim can be found in the vendor's file.</summary>
    public string InterchangeControl { get; private set; }

    public string GroupControl { get; private set; }

    public string TransactionControl { get; private set; }

    /// <summary>CLM01: the practice's account number for the encounter (its external id); not PHI.</summary>
    public string PatientControlNumber { get; private set; }

    /// <summary>HI diagnoses in claim order: the first is the principal; pointers refer to positions 1..12.</summary>
    public List<IcdCode> Diagnoses { get; private set; }

    public List<ServiceLine> ServiceLines { get; private set; }

    /// <summary>Whether this version bills exactly these codes (a re-import of the same claim is no new version).</summary>
    public bool SameCoding(IReadOnlyList<IcdCode> diagnoses, IReadOnlyList<ServiceLine> lines) =>
        Diagnoses.SequenceEqual(diagnoses) && ServiceLines.SequenceEqual(lines);
}
