using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.X12.Envelope;

namespace CodeLedger.Core.Claims;

/// <summary>An encounter of the practice as the matcher needs it: its key as imported (CLM01 must equal it) and its date of service.</summary>
public sealed record ClaimEncounter(Guid Id, string ExternalId, DateOnly DateOfService);

/// <summary>A claim matched to its encounter, with the vendor's coding read from it (HI in order, SV1 lines).</summary>
public sealed record VendorClaimMatch(ClaimEncounter Encounter, VendorClaim Claim, IReadOnlyList<IcdCode> Diagnoses, IReadOnlyList<ServiceLine> Lines);

/// <summary>Every claim matched, or every problem found (never both: one problem refuses the file).</summary>
public sealed record VendorClaimMatching(IReadOnlyList<VendorClaimMatch> Matches, IReadOnlyList<string> Problems);

/// <summary>
/// Which claim of a vendor's 837P is the coding of which encounter of the practice
/// (docs/CLAIMS-IMPORT.md): CLM01 is the encounter's key as the practice imported it, every service
/// line's DTP*472 date is the encounter's date of service, the rendering NPI (line 2420A, else
/// claim 2310B, else the billing provider 2010AA) is a physician of the practice, each encounter
/// is billed once per file, and the codes are valid codes. Every claim is checked and every problem
/// is named by file, ST control number, CLM01, segment and field; a problem never quotes a name,
/// member id or birth date (they are not read).
/// </summary>
public static class VendorClaimMatcher
{
    public static VendorClaimMatching Match(string fileName, IEnumerable<VendorClaim> claims, IReadOnlyDictionary<string, ClaimEncounter> encountersByKey,
        IReadOnlySet<string> practiceNpis)
    {
        var matches = new List<VendorClaimMatch>();
        var problems = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vc in claims)
        {
            var claim = vc.Claim;
            var where = $"{fileName} ST {vc.TransactionControl} CLM*{claim.PatientControlNumber}";
            var before = problems.Count;
            void Problem(string segment, string message) => problems.Add($"{where} {segment}: {message}");

            if (!encountersByKey.TryGetValue(claim.PatientControlNumber, out var encounter))
            {
                Problem("CLM01", "no encounter of the practice has this patient control number (CLM01 must be the encounter's id as imported)");
            }
            else if (!seen.TryAdd(claim.PatientControlNumber, vc.TransactionControl))
            {
                Problem("CLM01", $"the encounter is billed twice in this file (first in ST {seen[claim.PatientControlNumber]}); send one claim per encounter");
            }

            var diagnoses = new List<IcdCode>(claim.Diagnoses.Count);
            for (var i = 0; i < claim.Diagnoses.Count; i++)
            {
                if (IcdCode.TryParse(claim.Diagnoses[i].Code, out var code, out var error))
                {
                    diagnoses.Add(code);
                }
                else
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"HI{i + 1:00}"), error);
                }
            }

            if (claim.Diagnoses.Count is 0 or > CodingResult.MaxDiagnoses)
            {
                Problem("HI", $"a claim needs 1 to {CodingResult.MaxDiagnoses} diagnoses, got {claim.Diagnoses.Count}");
            }

            var lines = new List<ServiceLine>(claim.Lines.Count);
            foreach (var l in claim.Lines)
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"LX*{l.LineNumber}");
                if (encounter is not null && (l.ServiceFrom != encounter.DateOfService || (l.ServiceTo is { } to && to != encounter.DateOfService)))
                {
                    Problem($"{at} DTP*472", $"service date {StateText(l.ServiceFrom)}{(l.ServiceTo is { } t && t != l.ServiceFrom ? "-" + StateText(t) : string.Empty)}, encounter's date of service {StateText(encounter.DateOfService)}");
                }

                var npi = Npi(l.Rendering) ?? Npi(claim.Rendering) ?? Npi(claim.BillingProvider.Name);
                if (npi is null || !practiceNpis.Contains(npi))
                {
                    var segment = Npi(l.Rendering) is not null ? $"{at} NM1*82 (2420A) NM109" : Npi(claim.Rendering) is not null ? "NM1*82 (2310B) NM109" : "NM1*85 (2010AA) NM109";
                    Problem(segment, npi is null ? "no rendering or billing NPI" : $"NPI {npi} is not a physician of the practice");
                }

                try
                {
                    var modifiers = l.Modifiers.Select(m => Modifier.TryParse(m, out var mod, out var e) ? mod : throw new FormatException(e)).ToList();
                    var charge = Money.TryFromDecimal(l.Charge, out var c) ? c : throw new FormatException($"charge {l.Charge.ToString(CultureInfo.InvariantCulture)} has more than two decimals");
                    lines.Add(new ServiceLine(ProcedureCode.Parse(l.ProcedureCode), modifiers, l.Units, charge, l.DiagnosisPointers));
                }
                catch (Exception e) when (e is FormatException or DomainException)
                {
                    Problem($"{at} SV1", e.Message);
                }

                if (l.DiagnosisPointers.Any(p => p > claim.Diagnoses.Count))
                {
                    Problem($"{at} SV107", string.Create(CultureInfo.InvariantCulture, $"a diagnosis pointer points past the claim's {claim.Diagnoses.Count} diagnoses"));
                }
            }

            if (claim.Lines.Count == 0)
            {
                Problem("LX", "the claim has no service lines");
            }

            if (problems.Count == before && encounter is not null)
            {
                matches.Add(new VendorClaimMatch(encounter, vc, diagnoses, lines));
            }
        }

        return problems.Count > 0 ? new VendorClaimMatching([], problems) : new VendorClaimMatching(matches, []);
    }

    private static string StateText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Npi(X12Name? name) => name is { IdQualifier: "XX", Id: { Length: > 0 } id } ? id : null;
}
