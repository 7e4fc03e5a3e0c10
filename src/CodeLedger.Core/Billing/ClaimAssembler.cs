using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Encounters;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Builds one encounter's claim from its finalized coding, the practice, the physician, the
/// patient's coverage and the fee schedule, and scrubs it with the edit engine (docs/BILLING.md,
/// "Claims"). A pure function of its inputs: the same request gives the same claim. What keeps a
/// claim from leaving is a finding, never an exception; only a request that cannot describe a claim
/// at all (a replacement or void without the payer's claim control number) is refused.
/// </summary>
public sealed class ClaimAssembler(ClaimEditor editor)
{
    public const string NoCoverage = "CLAIM-NO-COVERAGE";
    public const string PayerUnknown = "CLAIM-PAYER-UNKNOWN";
    public const string PayerInactive = "CLAIM-PAYER-INACTIVE";
    public const string PayerIncomplete = "CLAIM-PAYER-INCOMPLETE";
    public const string NoFee = "CLAIM-NO-FEE";
    public const string BillingIdentityIncomplete = "CLAIM-BILLING-IDENTITY";
    public const string RenderingIncomplete = "CLAIM-RENDERING";
    public const string PatientAddressMissing = "CLAIM-PATIENT-ADDRESS";
    public const string SubscriberIncomplete = "CLAIM-SUBSCRIBER";
    public const string PlaceOfServiceInvalid = "CLAIM-PLACE-OF-SERVICE";

    /// <summary>A payer claim control number (REF02) is 1 to 50 characters.</summary>
    private const int MaxControlNumber = 50;

    public AssembledClaim Assemble(ClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claimId = ClaimId.For(request.EncounterKey, request.Submission);
        var controlNumber = CheckFrequency(request);
        var findings = new List<ClaimFinding>();

        var payer = FindPayer(request, findings);
        var lines = Price(request, findings);
        var total = lines.All(l => l.Charge is not null) ? lines.Sum(l => l.Charge!.Value) : (decimal?)null;
        var billing = Billing(request.Billing, findings);
        var rendering = Rendering(request.Rendering, findings);
        var patientAddress = Address(request.PatientAddress, nineDigitZip: false);
        if (patientAddress is null)
        {
            findings.Add(Error(PatientAddressMissing, null,
                request.PatientAddress is null ? "the patient has no address on file (N3/N4 of the subscriber or patient loop are required)"
                    : "the patient's address is incomplete: street, city, a two-letter state and a 5- or 9-digit ZIP are required"));
        }

        if (!IsPlaceOfService(request.PlaceOfService))
        {
            findings.Add(Error(PlaceOfServiceInvalid, null, "the place of service must be a two-digit CMS code (CLM05-1)"));
        }

        Scrub(request, claimId, lines, findings);

        Claim837? claim = null;
        if (!findings.Any(f => f.Severity == EditSeverity.Error))
        {
            var (subscriber, patient) = Parties(request, payer!, patientAddress!);
            claim = new Claim837(billing!, subscriber, patient, claimId, total!.Value, request.PlaceOfService,
                ((int)request.Frequency).ToString(CultureInfo.InvariantCulture), "Y", "A", "Y", "Y", null, controlNumber,
                [.. request.Coding.Diagnoses.Select((d, i) => new Diagnosis837(i == 0 ? "ABK" : "ABF", d.Value))],
                null, rendering,
                [.. lines.Select(l => new ServiceLine837(l.Number, "HC", l.Coded.Code.Value, [.. l.Coded.Modifiers.Select(m => m.Value)], null,
                    l.Charge!.Value, "UN", l.Coded.Units, null, [.. l.Coded.Pointers], request.DateOfService, null,
                    LineItemControlNumber: ClaimId.LineItemControlNumber(claimId, l.Number)))]);
        }

        return new AssembledClaim(request.PracticeKey, claimId, request.Frequency, payer, lines, total, findings, claim);
    }

    /// <summary>
    /// A replacement (7) or void (8) names the claim it replaces by the payer's claim control
    /// number (REF*F8, from the 277CA or 835); without it the payer cannot apply it, so it is refused.
    /// </summary>
    private static string? CheckFrequency(ClaimRequest request)
    {
        var number = request.PayerClaimControlNumber?.Trim();
        switch (request.Frequency)
        {
            case ClaimFrequency.Original:
                if (!string.IsNullOrEmpty(number))
                {
                    throw new DomainException(BillingErrors.ClaimControlNumber, "an original claim (frequency 1) carries no payer claim control number (REF*F8)");
                }

                return null;
            case ClaimFrequency.Replacement or ClaimFrequency.Void:
                if (string.IsNullOrEmpty(number) || number.Length > MaxControlNumber || number.Any(c => c is '*' or '~' or ':' or '^' || char.IsControl(c)))
                {
                    throw new DomainException(BillingErrors.ClaimControlNumber,
                        $"a {(request.Frequency == ClaimFrequency.Void ? "void (frequency 8)" : "replacement (frequency 7)")} needs the payer's claim control number (REF*F8, 1 to {MaxControlNumber} characters without X12 delimiters)");
                }

                if (request.Submission < 2)
                {
                    throw new DomainException(BillingErrors.ClaimSubmission, "a replacement or void follows the original: its submission number is 2 or more");
                }

                return number;
            default:
                throw new DomainException(BillingErrors.ClaimControlNumber, $"claim frequency {(int)request.Frequency} is not 1, 7 or 8");
        }
    }

    private static ClaimPayer? FindPayer(ClaimRequest request, List<ClaimFinding> findings)
    {
        if (request.Coverage is not { } coverage)
        {
            findings.Add(Error(NoCoverage, null, "the patient has no coverage on file: no payer to bill"));
            return null;
        }

        var payer = request.Payers.FirstOrDefault(p => string.Equals(p.Code, coverage.PayerCode, StringComparison.Ordinal));
        if (payer is null)
        {
            findings.Add(Error(PayerUnknown, null, $"the coverage names payer '{coverage.PayerCode}', which is not among the practice's payers"));
            return null;
        }

        if (!payer.Active)
        {
            findings.Add(Error(PayerInactive, null, $"payer '{payer.Code}' is inactive"));
        }

        var missing = new List<string>();
        if (Clean(payer.Name).Length == 0)
        {
            missing.Add("name");
        }

        if (!IsId(payer.PayerId, 80))
        {
            missing.Add("payer id");
        }

        if (!IsFilingIndicator(payer.ClaimFilingIndicator))
        {
            missing.Add("claim filing indicator (SBR09)");
        }

        if (!IsId(payer.Partner.InterchangeQualifier, 2) || !IsId(payer.Partner.InterchangeId, 15) || !IsId(payer.Partner.GroupReceiverCode, 15))
        {
            missing.Add("trading partner (ISA07/ISA08, GS03)");
        }

        if (missing.Count > 0)
        {
            findings.Add(Error(PayerIncomplete, null, $"payer '{payer.Code}' lacks a valid {string.Join(", ", missing)}"));
        }

        if (!IsId(coverage.MemberId, 80))
        {
            findings.Add(Error(SubscriberIncomplete, null, "the coverage has no usable member id"));
        }

        if (coverage.Relationship != SubscriberRelationship.Self
            && (Clean(coverage.SubscriberFamilyName).Length == 0 || Clean(coverage.SubscriberGivenName).Length == 0))
        {
            findings.Add(Error(SubscriberIncomplete, null, "the patient is not the subscriber and the subscriber's name is not on file"));
        }

        return payer;
    }

    /// <summary>Charge = the fee in force on the date of service × units; a line without a fee has no charge and a finding.</summary>
    private static List<PricedLine> Price(ClaimRequest request, List<ClaimFinding> findings)
    {
        var lines = new List<PricedLine>();
        var number = 0;
        foreach (var coded in request.Coding.Lines)
        {
            number++;
            var fee = request.FeeSchedule?.ChargeFor(coded.Code, coded.Modifiers);
            if (fee is null)
            {
                findings.Add(Error(NoFee, number, request.FeeSchedule is null
                    ? $"no fee schedule is in force on {request.DateOfService:yyyy-MM-dd}: {coded.Code.Value} has no charge"
                    : $"the fee schedule effective {request.FeeSchedule.EffectiveOn:yyyy-MM-dd} has no fee for {coded.Code.Value}"));
                lines.Add(new PricedLine(number, coded, null, null));
                continue;
            }

            lines.Add(new PricedLine(number, coded, fee.Value.Amount, fee.Value.Amount * coded.Units));
        }

        return lines;
    }

    /// <summary>The edit engine on the claim as assembled; a line without a fee goes in at zero, its finding is already there.</summary>
    private void Scrub(ClaimRequest request, string claimId, List<PricedLine> lines, List<ClaimFinding> findings)
    {
        var sex = request.Patient.Sex switch { PatientSex.Female => 'F', PatientSex.Male => 'M', _ => 'U' };
        var claim = Claim.Create(claimId, request.DateOfService, request.PlaceOfService, request.Rendering.Npi, request.Patient.BirthDate, sex,
            request.Coding.Diagnoses.Select(d => d.Value),
            lines.Select(l => ClaimLine.Create(l.Number, l.Coded.Code.Value, l.Coded.Modifiers.Select(m => m.Value), l.Coded.Units,
                l.Charge is { } c ? Money.FromDecimal(c) : Money.Zero, l.Coded.Pointers)),
            request.Coding.EmDocumentation);
        foreach (var finding in editor.Check(claim))
        {
            findings.Add(new ClaimFinding(finding.Rule, finding.Severity, finding.Line, finding.Message));
        }
    }

    private static BillingProvider837? Billing(BillingIdentity identity, List<ClaimFinding> findings)
    {
        var missing = new List<string>();
        var name = Clean(identity.PracticeName);
        if (name.Length == 0)
        {
            missing.Add("practice name");
        }

        if (!Codes.Npi.TryParse(identity.Npi, out _))
        {
            missing.Add("NPI (10 digits with a valid check digit)");
        }

        var ein = (identity.Ein ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal);
        if (ein.Length != 9 || !ein.All(char.IsAsciiDigit))
        {
            missing.Add("EIN (9 digits)");
        }

        var address = Address(identity.Address, nineDigitZip: true);
        if (address is null)
        {
            missing.Add("address (street, city, two-letter state, 9-digit ZIP as 2010AA N403 requires)");
        }

        if (missing.Count > 0)
        {
            findings.Add(Error(BillingIdentityIncomplete, null, $"the practice's billing identity lacks a valid {string.Join(", ", missing)}"));
            return null;
        }

        return new BillingProvider837(new X12Name("85", "2", Truncate(name, 60), IdQualifier: "XX", Id: identity.Npi), address, "EI", ein);
    }

    private static X12Name? Rendering(RenderingPhysician physician, List<ClaimFinding> findings)
    {
        var family = Clean(physician.FamilyName);
        var given = Clean(physician.GivenName);
        var npiValid = Codes.Npi.TryParse(physician.Npi, out _);
        if (family.Length == 0 || given.Length == 0 || !npiValid)
        {
            findings.Add(Error(RenderingIncomplete, null, $"the rendering physician lacks a valid {(npiValid ? "name" : "NPI")}"));
            return null;
        }

        return new X12Name("82", "1", Truncate(family, 60), Truncate(given, 35), IdQualifier: "XX", Id: physician.Npi);
    }

    private static (Subscriber837 Subscriber, Patient837? Patient) Parties(ClaimRequest request, ClaimPayer payer, X12Address patientAddress)
    {
        var coverage = request.Coverage!;
        var patient = request.Patient;
        var payerName = new X12Name("PR", "2", Truncate(Clean(payer.Name), 60), IdQualifier: "PI", Id: payer.PayerId.Trim());
        var member = coverage.MemberId.Trim();
        var group = string.IsNullOrWhiteSpace(coverage.GroupNumber) ? null : Truncate(Clean(coverage.GroupNumber), 50);
        if (coverage.Relationship == SubscriberRelationship.Self)
        {
            var self = new Subscriber837("P", "18", group, payer.ClaimFilingIndicator,
                new X12Name("IL", "1", Truncate(Clean(patient.FamilyName), 60), Truncate(Clean(patient.GivenName), 35), IdQualifier: "MI", Id: member),
                patientAddress, patient.BirthDate, Gender(patient.Sex), payerName);
            return (self, null);
        }

        // The subscriber is someone else: their name and member id in 2010BA (their address and
        // demographics are situational and sent when known), the patient in 2000C/2010CA.
        var subscriber = new Subscriber837("P", null, group, payer.ClaimFilingIndicator,
            new X12Name("IL", "1", Truncate(Clean(coverage.SubscriberFamilyName), 60), Truncate(Clean(coverage.SubscriberGivenName), 35), IdQualifier: "MI", Id: member),
            null, coverage.SubscriberBirthDate, coverage.SubscriberSex is { } s ? Gender(s) : null, payerName);
        var relationship = coverage.Relationship switch
        {
            SubscriberRelationship.Spouse => "01",
            SubscriberRelationship.Child => "19",
            _ => "G8",
        };
        var patient837 = new Patient837(relationship, new X12Name("QC", "1", Truncate(Clean(patient.FamilyName), 60), Truncate(Clean(patient.GivenName), 35)),
            patientAddress, patient.BirthDate, Gender(patient.Sex));
        return (subscriber, patient837);
    }

    private static string Gender(PatientSex sex) => sex switch { PatientSex.Female => "F", PatientSex.Male => "M", _ => "U" };

    private static X12Address? Address(BillingAddress? address, bool nineDigitZip)
    {
        if (address is null)
        {
            return null;
        }

        var line1 = Clean(address.Line1);
        var city = Clean(address.City);
        var state = Clean(address.State);
        var zip = (address.PostalCode ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        var zipValid = zip.All(char.IsAsciiDigit) && (zip.Length == 9 || (!nineDigitZip && zip.Length == 5));
        if (line1.Length == 0 || city.Length < 2 || state.Length != 2 || !state.All(char.IsAsciiLetterUpper) || !zipValid)
        {
            return null;
        }

        var line2 = Clean(address.Line2);
        return new X12Address(Truncate(line1, 55), line2.Length == 0 ? null : Truncate(line2, 55), Truncate(city, 30), state, zip);
    }

    private static bool IsPlaceOfService(string? text) => text is { Length: 2 } && text.All(char.IsAsciiDigit);

    private static bool IsFilingIndicator(string? text) => text is { Length: 2 } && text.All(char.IsAsciiLetterOrDigit) && text == text.ToUpperInvariant();

    private static bool IsId(string? text, int maxLength) =>
        text is not null && text.Trim().Length is > 0 && text.Trim().Length <= maxLength && !text.Any(c => c is '*' or '~' or ':' or '^' || char.IsControl(c));

    /// <summary>
    /// Names and addresses as X12 text: upper case, the delimiters (* ~ : ^) and control characters
    /// turned into spaces, runs of spaces collapsed, so a stray character in a name cannot break
    /// the interchange.
    /// </summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text.ToUpperInvariant())
        {
            var c = raw is '*' or '~' or ':' or '^' || char.IsControl(raw) || raw > '~' ? ' ' : raw;
            if (c != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();

    private static ClaimFinding Error(string code, int? line, string message) => new(code, EditSeverity.Error, line, message);
}
