using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Billing;

// The plain inputs of claim assembly (docs/BILLING.md, "Claims"). Storage maps its rows (setup's
// payers, intake's coverage, the practice, the physician, the final coding) to these; nothing
// here knows a database. Fields the 837P needs but the practice may not have entered yet are plain
// strings, so that a missing one becomes a fix-queue finding naming it rather than an exception.

/// <summary>A postal address as the 837P N3/N4 carry it: street, optional second line, city, state, ZIP.</summary>
public sealed record BillingAddress(string Line1, string? Line2, string City, string State, string PostalCode);

/// <summary>The practice as billing provider (loop 2010AA): name, NPI (NM109 XX), EIN (REF*EI) and address.</summary>
public sealed record BillingIdentity(string PracticeName, string Npi, string Ein, BillingAddress? Address);

/// <summary>
/// Where a payer's claims go: the interchange receiver (ISA07 qualifier, ISA08 id) and the group
/// receiver code (GS03). Claims for payers reached through the same partner share an interchange.
/// </summary>
public sealed record TradingPartner(string InterchangeQualifier, string InterchangeId, string GroupReceiverCode);

/// <summary>
/// A payer the practice bills: its code in the practice's setup, name, payer id (NM1*PR NM109 PI),
/// claim filing indicator (SBR09: CI commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross...),
/// whether it is active, and the trading partner its claims travel through.
/// </summary>
public sealed record ClaimPayer(string Code, string Name, string PayerId, string ClaimFilingIndicator, bool Active, TradingPartner Partner);

/// <summary>The patient's relationship to the subscriber, with its X12 individual relationship code (SBR02/PAT01).</summary>
public enum SubscriberRelationship
{
    /// <summary>18: the patient is the subscriber (SBR02 18, no patient loop).</summary>
    Self,

    /// <summary>01.</summary>
    Spouse,

    /// <summary>19.</summary>
    Child,

    /// <summary>G8: any other relationship.</summary>
    Other,
}

/// <summary>
/// The policy that pays for the encounter: the payer's code, the subscriber's member id, the
/// patient's relationship to the subscriber and the group number. When the patient is not the
/// subscriber, the subscriber's own name (and birth date and sex when known) go in loop 2010BA.
/// </summary>
public sealed record ClaimCoverage(
    string PayerCode,
    string MemberId,
    SubscriberRelationship Relationship,
    string? GroupNumber,
    string? SubscriberFamilyName = null,
    string? SubscriberGivenName = null,
    DateOnly? SubscriberBirthDate = null,
    PatientSex? SubscriberSex = null);

/// <summary>The rendering physician (loop 2310B): NPI and name; the taxonomy is held for PRV once the writer carries it.</summary>
public sealed record RenderingPhysician(string Npi, string FamilyName, string GivenName, string? Taxonomy = null)
{
    /// <summary>
    /// The physician as the roster holds them (one display name, "Dr. Maya Chen" or "Maya Chen, MD"):
    /// the title and the credentials after a comma are dropped, the last word is the family name and
    /// the words before it the given name (NM103/NM104). A name of one word has no given name, which
    /// the assembler reports (<c>CLAIM-RENDERING</c>).
    /// </summary>
    public static RenderingPhysician FromRoster(string npi, string name, string? taxonomy)
    {
        var plain = (name ?? string.Empty).Split(',')[0];
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (words.Count > 1 && words[0].TrimEnd('.').ToUpperInvariant() is "DR" or "DOCTOR")
        {
            words.RemoveAt(0);
        }

        return words.Count switch
        {
            0 => new RenderingPhysician(npi, string.Empty, string.Empty, taxonomy),
            1 => new RenderingPhysician(npi, words[0], string.Empty, taxonomy),
            _ => new RenderingPhysician(npi, words[^1], string.Join(' ', words[..^1]), taxonomy),
        };
    }
}

/// <summary>One coded service as the final coding holds it: code, up to four modifiers, whole units, up to four diagnosis pointers.</summary>
public sealed record CodedLine(ProcedureCode Code, IReadOnlyList<Modifier> Modifiers, int Units, IReadOnlyList<int> Pointers)
{
    /// <summary>
    /// The coding's line without its charge: the claim prices lines from the fee schedule. A
    /// professional claim bills whole units; fractional units (anesthesia minutes) are refused here.
    /// </summary>
    public static CodedLine From(ServiceLine line)
    {
        if (line.Units != decimal.Truncate(line.Units))
        {
            throw new DomainException(BillingErrors.ClaimUnits, $"{line.Code.Value}: a claim bills whole units, the coding has {line.Units}");
        }

        return new CodedLine(line.Code, line.Modifiers, (int)line.Units, line.Pointers);
    }
}

/// <summary>The finalized coding of an encounter: diagnoses in order (the first is principal) and the coded lines.</summary>
public sealed record FinalizedCoding(IReadOnlyList<IcdCode> Diagnoses, IReadOnlyList<CodedLine> Lines, EmInput? EmDocumentation = null)
{
    public static FinalizedCoding From(CodingResult result) =>
        new(result.Diagnoses, [.. result.ServiceLines.Select(CodedLine.From)], result.EmDocumentation);
}

/// <summary>CLM05-3: what this submission of the encounter's claim is.</summary>
public enum ClaimFrequency
{
    /// <summary>1: the first claim for the encounter.</summary>
    Original = 1,

    /// <summary>7: replaces a claim the payer holds; needs its claim control number (REF*F8).</summary>
    Replacement = 7,

    /// <summary>8: voids a claim the payer holds; needs its claim control number (REF*F8).</summary>
    Void = 8,
}

/// <summary>
/// Everything one claim is assembled from. <paramref name="PracticeKey"/> is the practice's stable
/// key (batches never mix practices); <paramref name="EncounterKey"/> and
/// <paramref name="Submission"/> (1 for the first claim of the encounter, then 2, 3 ... for each
/// replacement or void) make the claim id (<see cref="ClaimId"/>). <paramref name="Payers"/> are
/// the practice's payers; <paramref name="Coverage"/> is null when the patient has none on file;
/// <paramref name="FeeSchedule"/> is the version in force on the date of service, null when none is.
/// </summary>
public sealed record ClaimRequest(
    string PracticeKey,
    string EncounterKey,
    int Submission,
    ClaimFrequency Frequency,
    string? PayerClaimControlNumber,
    DateOnly DateOfService,
    string PlaceOfService,
    PatientDemographics Patient,
    BillingAddress? PatientAddress,
    ClaimCoverage? Coverage,
    IReadOnlyList<ClaimPayer> Payers,
    BillingIdentity Billing,
    RenderingPhysician Rendering,
    FinalizedCoding Coding,
    FeeSchedule? FeeSchedule);
