using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Training;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>A code of a release's system the month's encounters used while it was not valid on their date of service.</summary>
public sealed record InactiveCodeUse(string Code, int Encounters);

/// <summary>
/// One release in force in the month and what the month's encounters under it did.
/// </summary>
/// <param name="Encounters">Encounters of the month whose date of service falls under this release (it is the one in force that day).</param>
/// <param name="EncountersWithInactiveCodes">Of those, coded with a code of the release's system that was deleted or not yet valid on the date of service (CodeChecker's CODE-INACTIVE).</param>
/// <param name="NewCodesInUse">Distinct codes first valid with this release that the encounters used; null when no earlier release of the kind is loaded to tell new from old.</param>
/// <param name="CodersCoding">Coders who finalized those encounters.</param>
/// <param name="CodersTrainedBefore">Of them, with training on the release completed on or before its effective date.</param>
/// <param name="CodersTrainedLate">Of them, trained after the effective date.</param>
/// <param name="CodersNotTrained">Of them, with no training record for the release.</param>
public sealed record ReleaseCompliance(
    string Release,
    string Kind,
    DateOnly EffectiveDate,
    int Encounters,
    int EncountersWithInactiveCodes,
    IReadOnlyList<InactiveCodeUse> InactiveCodes,
    int? NewCodesInUse,
    int CodersCoding,
    int CodersTrainedBefore,
    int CodersTrainedLate,
    int CodersNotTrained,
    string Statement);

/// <summary>
/// Section 6: per code-set release in force in the month (ICD-10-CM from 1 October with its 1 April
/// update, CPT and HCPCS from 1 January; CPT codes are known by the fee schedule's RVU release),
/// the encounters under it coded with codes deleted or not yet valid on their date of service,
/// the release's new codes in use, and whether the coders who coded under it had been trained on it.
/// Validity is <see cref="CodeChecker"/>'s, so the package and `codes check` never disagree. A
/// training record is of a release when its release effective date is the release's.
/// </summary>
public static class CodeSetCompliance
{
    private static readonly CodeSetKind[] Kinds = [CodeSetKind.Icd10Cm, CodeSetKind.Rvu, CodeSetKind.Cpt, CodeSetKind.Hcpcs];

    /// <summary>The kinds of release the section judges codes against (the RVU release also prices the E/M revenue): a loader may have them parsed before the figures need them.</summary>
    public static IReadOnlyList<CodeSetKind> KindsJudged => Kinds;

    public static IReadOnlyList<ReleaseCompliance> Build(SlaMonth month, CodeSetLibrary library, IEnumerable<ReportEncounter> encounters, IEnumerable<TrainingRecord> training)
    {
        var monthRows = encounters.Where(e => e.FinalizedOn >= month.First && e.FinalizedOn <= month.Last).ToList();
        var trainingByRelease = training.GroupBy(t => t.ReleaseEffectiveOn).ToDictionary(g => g.Key, g => g.ToList());
        var checks = new Dictionary<(string, DateOnly), CodeCheckResult>();
        var results = new List<ReleaseCompliance>();
        foreach (var kind in Kinds)
        {
            // The releases the month's dates of service fall under: the one in force on each distinct date.
            var byRelease = new Dictionary<CodeSetRelease, List<ReportEncounter>>(ReferenceEqualityComparer.Instance);
            var inForceOn = new Dictionary<DateOnly, CodeSetRelease?>();
            foreach (var e in monthRows)
            {
                if (!inForceOn.TryGetValue(e.DateOfService, out var release))
                {
                    release = inForceOn[e.DateOfService] = library.InForce(kind, e.DateOfService);
                }

                if (release is not null)
                {
                    (byRelease.TryGetValue(release, out var list) ? list : byRelease[release] = []).Add(e);
                }
            }

            var earliest = library.Infos.Where(i => i.Kind == kind).Select(i => i.EffectiveDate).DefaultIfEmpty().Min();
            foreach (var (release, rows) in byRelease.OrderBy(kv => kv.Key.Info.EffectiveDate))
            {
                results.Add(Compliance(kind, release.Info, rows, library, checks, trainingByRelease, hasEarlier: release.Info.EffectiveDate > earliest));
            }
        }

        return results;
    }

    private static ReleaseCompliance Compliance(CodeSetKind kind, CodeSetReleaseInfo info, List<ReportEncounter> rows, CodeSetLibrary library,
        Dictionary<(string, DateOnly), CodeCheckResult> checks, Dictionary<DateOnly, List<TrainingRecord>> trainingByRelease, bool hasEarlier)
    {
        var inactive = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var newCodes = new SortedSet<string>(StringComparer.Ordinal);
        var withInactive = 0;
        var coders = new HashSet<Guid>();

        // A month repeats the same codings many times, and the loader hands the same list to every
        // encounter whose stored codes are the same text: the checks of a list's distinct codes on a
        // day are looked up once per list and day, not per encounter and code (616,000 encounters at a
        // million). Keyed by the list itself: a list not shared is only looked up once.
        var checksOfList = new Dictionary<(IReadOnlyList<string> Codes, DateOnly Day), CodeCheckResult[]>(ListAndDay.Comparer);
        foreach (var e in rows)
        {
            if (e.CoderId is { } coder)
            {
                coders.Add(coder);
            }

            var bad = false;
            var list = kind == CodeSetKind.Icd10Cm ? e.Diagnoses : e.Procedures;
            if (!checksOfList.TryGetValue((list, e.DateOfService), out var listChecks))
            {
                listChecks = checksOfList[(list, e.DateOfService)] = [.. CodesOf(kind, e).Distinct(StringComparer.Ordinal).Select(code => Check(library, checks, code, e.DateOfService))];
            }

            foreach (var check in listChecks)
            {
                if (check.Problem == EditRules.CodeInactive)
                {
                    bad = true;
                    inactive[check.Code] = inactive.GetValueOrDefault(check.Code) + 1;
                }
                else if (check.Valid && check.EffectiveFrom == info.EffectiveDate)
                {
                    newCodes.Add(check.Code);
                }
            }

            if (bad)
            {
                withInactive++;
            }
        }

        var records = trainingByRelease.GetValueOrDefault(info.EffectiveDate) ?? [];
        int before = 0, late = 0, none = 0;
        foreach (var coder in coders)
        {
            var mine = records.Where(r => r.CoderId == coder).ToList();
            if (mine.Count == 0)
            {
                none++;
            }
            else if (mine.Any(r => !r.IsLate))
            {
                before++;
            }
            else
            {
                late++;
            }
        }

        var newText = hasEarlier ? FormattableString.Invariant($"{newCodes.Count} new codes of the release in use") : "no earlier release loaded to tell the release's new codes";
        var statement = FormattableString.Invariant(
            $"{info.Label}: {withInactive} of {rows.Count} encounters coded with a code not valid on the date of service; {newText}; {before} of {coders.Count} coders trained before {info.EffectiveDate:yyyy-MM-dd}, {late} late, {none} with no training record");
        return new ReleaseCompliance(info.Label, kind.Token(), info.EffectiveDate, rows.Count, withInactive,
            [.. inactive.Select(kv => new InactiveCodeUse(kv.Key, kv.Value))], hasEarlier ? newCodes.Count : null, coders.Count, before, late, none, statement);
    }

    private static CodeCheckResult Check(CodeSetLibrary library, Dictionary<(string, DateOnly), CodeCheckResult> checks, string code, DateOnly day)
    {
        if (!checks.TryGetValue((code, day), out var check))
        {
            check = checks[(code, day)] = CodeChecker.Check(library, code, day);
        }

        return check;
    }

    /// <summary>A list of codes by reference (the same list object, not equal contents) and a day.</summary>
    private sealed class ListAndDay : IEqualityComparer<(IReadOnlyList<string> Codes, DateOnly Day)>
    {
        public static readonly ListAndDay Comparer = new();

        public bool Equals((IReadOnlyList<string> Codes, DateOnly Day) x, (IReadOnlyList<string> Codes, DateOnly Day) y) =>
            ReferenceEquals(x.Codes, y.Codes) && x.Day == y.Day;

        public int GetHashCode((IReadOnlyList<string> Codes, DateOnly Day) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Codes), obj.Day);
    }

    /// <summary>The codes a release of the kind judges: diagnoses for ICD-10-CM, CPT codes for the RVU and CPT releases, Level II codes for HCPCS.</summary>
    private static IEnumerable<string> CodesOf(CodeSetKind kind, ReportEncounter e) => kind switch
    {
        CodeSetKind.Icd10Cm => e.Diagnoses,
        CodeSetKind.Hcpcs => e.Procedures.Where(p => ProcedureCode.TryParse(p, out var c) && !c.IsCpt),
        _ => e.Procedures.Where(p => ProcedureCode.TryParse(p, out var c) && c.IsCpt),
    };
}
