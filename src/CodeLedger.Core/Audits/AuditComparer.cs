using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Audits;

/// <summary>The kinds of coding error an audit finds (docs/AUDIT.md, "Error categories").</summary>
public enum ErrorCategory
{
    EmOvercoded,
    EmUndercoded,
    ProcedureMissing,
    ProcedureExtra,
    DiagnosisMissing,
    DiagnosisExtra,

    /// <summary>Same ICD-10-CM category (first three characters), different code: the vendor's code is not the specific one the note supports.</summary>
    DiagnosisSpecificity,

    /// <summary>Both codings list the right codes but another one first (the claim's principal diagnosis).</summary>
    FirstListedDiagnosis,
    ModifierMissing,
    ModifierExtra,
    Linkage,
    Units,
}

/// <summary>The components an encounter is right or wrong on; an encounter is correct only when every component is.</summary>
public enum AuditComponent
{
    EmLevel,
    Procedures,
    Diagnoses,
    Modifiers,
    Linkage,
    Units,
}

/// <summary>
/// One difference between the vendor's coding and the auditor's. <see cref="Id"/> is stable (the same
/// codings give the same ids), so a rebuttal names it. Codes are not PHI; <see cref="Detail"/> quotes
/// only codes. <see cref="RvuDelta"/> is the auditor's RVUs minus the vendor's that this finding
/// accounts for (positive: the vendor undercoded). <see cref="Item"/> is the code item it makes wrong
/// (code-level accuracy).
/// </summary>
public sealed record Finding(string Id, Guid EncounterId, ErrorCategory Category, IReadOnlyList<string> VendorCodes, IReadOnlyList<string> AuditorCodes,
    string Detail, int Levels, decimal RvuDelta, string Item)
{
    public AuditComponent Component => ComponentOf(Category);

    public static AuditComponent ComponentOf(ErrorCategory category) => category switch
    {
        ErrorCategory.EmOvercoded or ErrorCategory.EmUndercoded => AuditComponent.EmLevel,
        ErrorCategory.ProcedureMissing or ErrorCategory.ProcedureExtra => AuditComponent.Procedures,
        ErrorCategory.ModifierMissing or ErrorCategory.ModifierExtra => AuditComponent.Modifiers,
        ErrorCategory.Linkage => AuditComponent.Linkage,
        ErrorCategory.Units => AuditComponent.Units,
        _ => AuditComponent.Diagnoses,
    };
}

/// <summary>
/// The comparison of one encounter: its findings, its code items (the code-level denominator), the
/// two codings' RVUs and the conversion factor of its date of service, and the E/M level the auditor's
/// MDM elements and time support when they were recorded.
/// </summary>
public sealed record EncounterComparison(Guid EncounterId, DateOnly DateOfService, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Items,
    decimal VendorRvu, decimal AuditorRvu, decimal ConversionFactor, IReadOnlyList<string> Unpriced, EmResult? SupportedEm, string? EmStatement)
{
    public bool IsCorrect => Findings.Count == 0;
}

/// <summary>
/// Compares the vendor's coding of an encounter with the auditor's blind re-coding (docs/AUDIT.md,
/// "Comparison"). Lines are paired first by identical code, then office and other E/M lines of the same
/// family (the same first four digits, e.g. 99211–99215) as a level difference; what is left is missing
/// (the auditor's) or extra (the vendor's). Paired lines are compared for modifiers, units and the
/// diagnoses they point to, as codes. Diagnoses are compared as sets, a same-category pair as
/// specificity, and the first-listed apart.
/// </summary>
public static class AuditComparer
{
    public static EncounterComparison Compare(Guid encounterId, DateOnly dateOfService, CodingSubmission vendor, CodingSubmission auditor, IAuditPricing pricing)
    {
        var findings = new List<Finding>();
        var items = new List<string>();
        var unpriced = new List<string>();
        var cf = pricing.ConversionFactor(dateOfService);

        // The E/M level the auditor's elements support replaces the auditor's office E/M code of the same patient type.
        EmResult? supported = null;
        string? emStatement = null;
        var auditorLines = auditor.Lines.ToList();
        if (auditor.Em is { } em)
        {
            supported = EmLeveler.Level(em);
            var index = auditorLines.FindIndex(l => l.Code.IsOfficeEm && Family(l.Code) == Family(ProcedureCode.Parse(supported.Code)));
            emStatement = $"the auditor's MDM elements and time support {supported.Code} (MDM {supported.Mdm}, by {supported.Basis})";
            if (index >= 0 && auditorLines[index].Code.Value != supported.Code)
            {
                var l = auditorLines[index];
                emStatement += $"; the auditor's line {l.Code} is compared as {supported.Code}";
                auditorLines[index] = new ServiceLine(ProcedureCode.Parse(supported.Code), l.Modifiers, l.Units, l.Charge, l.Pointers);
            }
        }

        // Diagnoses: the same codes, then same-category pairs (specificity), then missing and extra.
        var vendorDx = vendor.Diagnoses.Distinct().ToList();
        var auditorDx = auditor.Diagnoses.Distinct().ToList();
        var onlyAuditor = auditorDx.Where(d => !vendorDx.Contains(d)).ToList();
        var onlyVendor = vendorDx.Where(d => !auditorDx.Contains(d)).ToList();
        var specificity = new Dictionary<IcdCode, IcdCode>();
        foreach (var a in onlyAuditor)
        {
            var v = onlyVendor.FirstOrDefault(v => v.Value.AsSpan(0, 3).SequenceEqual(a.Value.AsSpan(0, 3)) && !specificity.ContainsKey(v));
            if (v.Value is not null)
            {
                specificity[v] = a;
            }
        }

        items.AddRange(auditorDx.Select(d => "dx:" + d.Value));
        foreach (var a in onlyAuditor)
        {
            var pair = specificity.FirstOrDefault(p => p.Value == a);
            if (pair.Key.Value is not null)
            {
                Add(ErrorCategory.DiagnosisSpecificity, [pair.Key.Dotted], [a.Dotted], $"vendor {pair.Key.Dotted}, auditor {a.Dotted}: same category, different code", 0, 0m, "dx:" + a.Value);
            }
            else
            {
                Add(ErrorCategory.DiagnosisMissing, [], [a.Dotted], $"{a.Dotted} is not coded", 0, 0m, "dx:" + a.Value);
            }
        }

        foreach (var v in onlyVendor.Where(v => !specificity.ContainsKey(v)))
        {
            items.Add("dx:" + v.Value);
            Add(ErrorCategory.DiagnosisExtra, [v.Dotted], [], $"{v.Dotted} is not supported", 0, 0m, "dx:" + v.Value);
        }

        if (vendor.Diagnoses.Count > 0 && auditor.Diagnoses.Count > 0)
        {
            var vFirst = Translate(vendor.Diagnoses[0]);
            var aFirst = auditor.Diagnoses[0];
            if (vFirst != aFirst && vendorDx.Select(Translate).Contains(aFirst))
            {
                Add(ErrorCategory.FirstListedDiagnosis, [vendor.Diagnoses[0].Dotted], [aFirst.Dotted], $"first-listed {vendor.Diagnoses[0].Dotted}, auditor {aFirst.Dotted}", 0, 0m, "dx:" + aFirst.Value);
            }
        }

        // Lines: identical codes, then E/M of one family, then the rest.
        var pairs = new List<(int? V, int? A)>();
        var vendorUsed = new bool[vendor.Lines.Count];
        var auditorUsed = new bool[auditorLines.Count];
        PairBy((v, a) => v.Code == a.Code);
        PairBy((v, a) => v.Code.IsEm && a.Code.IsEm && Family(v.Code) is { } f && f == Family(a.Code));
        pairs.AddRange(Enumerable.Range(0, auditorLines.Count).Where(i => !auditorUsed[i]).Select(i => ((int?)null, (int?)i)));
        pairs.AddRange(Enumerable.Range(0, vendor.Lines.Count).Where(i => !vendorUsed[i]).Select(i => ((int?)i, (int?)null)));

        decimal vendorRvu = 0m, auditorRvu = 0m;
        foreach (var (vi, ai) in pairs)
        {
            var item = ai is { } x ? $"line:a{x + 1}" : $"line:v{vi!.Value + 1}";
            items.Add(item);
            var v = vi is { } vIndex ? vendor.Lines[vIndex] : null;
            var a = ai is { } aIndex ? auditorLines[aIndex] : null;
            var vRvu = v is null ? 0m : Price(v.Code, v.Modifiers) * v.Units;
            var aRvu = a is null ? 0m : Price(a.Code, a.Modifiers) * a.Units;
            vendorRvu += vRvu;
            auditorRvu += aRvu;
            if (v is null)
            {
                Add(ErrorCategory.ProcedureMissing, [], [a!.Code.Value], $"{a.Code} is not coded", 0, aRvu, item);
                continue;
            }

            if (a is null)
            {
                Add(ErrorCategory.ProcedureExtra, [v.Code.Value], [], $"{v.Code} is not supported", 0, -vRvu, item);
                continue;
            }

            // The line's RVU difference telescopes over its findings: level, then modifiers, then units.
            var step = Price(v.Code, v.Modifiers) * v.Units;
            if (v.Code != a.Code)
            {
                var levels = a.Code.Value[4] - v.Code.Value[4];
                var next = Price(a.Code, v.Modifiers) * v.Units;
                var category = levels < 0 ? ErrorCategory.EmOvercoded : ErrorCategory.EmUndercoded;
                var word = levels < 0 ? "overcoded" : "undercoded";
                Add(category, [v.Code.Value], [a.Code.Value],
                    string.Create(CultureInfo.InvariantCulture, $"{v.Code} vs {a.Code}: {word} by {Math.Abs(levels)} level{(Math.Abs(levels) == 1 ? string.Empty : "s")}"), levels, next - step, item);
                step = next;
            }

            var missing = a.Modifiers.Where(m => !v.Modifiers.Contains(m)).Select(m => m.Value).ToList();
            var extra = v.Modifiers.Where(m => !a.Modifiers.Contains(m)).Select(m => m.Value).ToList();
            var withModifiers = Price(a.Code, a.Modifiers) * v.Units;
            var modifierDelta = withModifiers - step;
            if (missing.Count > 0)
            {
                Add(ErrorCategory.ModifierMissing, [a.Code.Value], [a.Code.Value, .. missing], $"{a.Code}: modifier {string.Join(", ", missing)} missing", 0, modifierDelta, item);
                modifierDelta = 0m;
            }

            if (extra.Count > 0)
            {
                Add(ErrorCategory.ModifierExtra, [a.Code.Value, .. extra], [a.Code.Value], $"{a.Code}: modifier {string.Join(", ", extra)} not supported", 0, modifierDelta, item);
            }

            if (v.Units != a.Units)
            {
                Add(ErrorCategory.Units, [a.Code.Value], [a.Code.Value],
                    string.Create(CultureInfo.InvariantCulture, $"{a.Code}: {v.Units} units, auditor {a.Units}"), 0, Price(a.Code, a.Modifiers) * (a.Units - v.Units), item);
            }

            // Only codes both codings list are compared: a missing or extra diagnosis is its own finding, not also a linkage error.
            var vLinked = v.Pointers.Select(p => Pointed(vendor.Diagnoses, p)).Select(d => d is { } c ? Translate(c) : (IcdCode?)null)
                .Where(d => d is null || auditorDx.Contains(d.Value)).Select(d => d?.Dotted ?? "?").ToHashSet();
            var aLinked = a.Pointers.Select(p => Pointed(auditor.Diagnoses, p)).Select(d => d is { } c ? c : (IcdCode?)null)
                .Where(d => d is null || vendorDx.Select(Translate).Contains(d.Value)).Select(d => d?.Dotted ?? "?").ToHashSet();
            if (!vLinked.SetEquals(aLinked))
            {
                Add(ErrorCategory.Linkage, [a.Code.Value, .. vLinked.Order(StringComparer.Ordinal)], [a.Code.Value, .. aLinked.Order(StringComparer.Ordinal)],
                    $"{a.Code} points to {string.Join(" ", vLinked.Order(StringComparer.Ordinal))}, auditor {string.Join(" ", aLinked.Order(StringComparer.Ordinal))}", 0, 0m, item);
            }
        }

        return new EncounterComparison(encounterId, dateOfService, findings, items, vendorRvu, auditorRvu, cf, unpriced, supported, emStatement);

        IcdCode Translate(IcdCode code) => specificity.TryGetValue(code, out var a) ? a : code;

        decimal Price(ProcedureCode code, IReadOnlyList<Modifier> modifiers)
        {
            if (pricing.Rvu(code, modifiers, dateOfService) is { } rvu)
            {
                return rvu;
            }

            if (!unpriced.Contains(code.Value))
            {
                unpriced.Add(code.Value);
            }

            return 0m;
        }

        void PairBy(Func<ServiceLine, ServiceLine, bool> match)
        {
            for (var a = 0; a < auditorLines.Count; a++)
            {
                if (auditorUsed[a])
                {
                    continue;
                }

                for (var v = 0; v < vendor.Lines.Count; v++)
                {
                    if (!vendorUsed[v] && match(vendor.Lines[v], auditorLines[a]))
                    {
                        vendorUsed[v] = auditorUsed[a] = true;
                        pairs.Add((v, a));
                        break;
                    }
                }
            }
        }

        void Add(ErrorCategory category, IReadOnlyList<string> vendorCodes, IReadOnlyList<string> auditorCodes, string detail, int levels, decimal rvuDelta, string item)
        {
            var basis = $"{encounterId:D}|{category}|{item}|{string.Join(",", vendorCodes)}|{string.Join(",", auditorCodes)}";
            var id = "F-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..16];
            findings.Add(new Finding(id, encounterId, category, vendorCodes, auditorCodes, detail, levels, rvuDelta, item));
        }
    }

    /// <summary>An E/M code's family: its first four characters (9921x established office visits), none for critical care (9929x) or non-E/M codes.</summary>
    public static string? Family(ProcedureCode code) => code.IsEm && !code.Value.StartsWith("9929", StringComparison.Ordinal) ? code.Value[..4] : null;

    private static IcdCode? Pointed(IReadOnlyList<IcdCode> diagnoses, int pointer) => pointer >= 1 && pointer <= diagnoses.Count ? diagnoses[pointer - 1] : null;
}
