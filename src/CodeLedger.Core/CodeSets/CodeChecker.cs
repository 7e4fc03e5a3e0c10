using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Answers "may this code be billed on this date, and if not why" from the releases of a library.
/// The answer names the rule the edit engine applies (CODE-UNKNOWN, CODE-INACTIVE,
/// ICD-NOT-BILLABLE, ICD-FORMAT), so `codes check` and a scrubbed claim never disagree.
/// </summary>
public static class CodeChecker
{
    public const string IcdSystem = "ICD-10-CM";
    public const string HcpcsSystem = "HCPCS Level II";
    public const string CptSystem = "CPT";

    public static CodeCheckResult Check(CodeSetLibrary library, string text, DateOnly dos)
    {
        var trimmed = text.Trim().ToUpperInvariant();
        var isIcd = IcdCode.TryParse(trimmed, out var icd, out var error);

        // A letter and four digits is the shape of both a HCPCS code (R0070) and an ICD-10-CM code
        // written without its dot (R06.02): the release that knows the code decides.
        if (!trimmed.Contains('.', StringComparison.Ordinal) && ProcedureCode.TryParse(trimmed, out var proc))
        {
            var asProcedure = CheckProcedure(library, proc, dos);
            if (asProcedure.Problem == EditRules.CodeUnknown && isIcd && CheckIcd(library, icd, dos) is { Problem: not EditRules.CodeUnknown } asIcd)
            {
                return asIcd;
            }

            return asProcedure;
        }

        if (!isIcd)
        {
            return new(text, "unknown", null, null, null, null, dos, EditRules.IcdFormat, $"{Echo.Quote(text)} is neither a procedure code nor an ICD-10-CM code: {error}");
        }

        return CheckIcd(library, icd, dos);
    }

    public static CodeCheckResult CheckIcd(CodeSetLibrary library, IcdCode code, DateOnly dos)
    {
        var releases = library.OfKind(CodeSetKind.Icd10Cm).Cast<IcdRelease>().ToList();
        var holding = releases.Where(r => r.Find(code.Value) is not null).ToList();
        var inForce = library.InForce(CodeSetKind.Icd10Cm, dos) as IcdRelease;
        var entry = inForce?.Find(code.Value) ?? holding.LastOrDefault()?.Find(code.Value);
        var (from, through) = Range(releases, holding);
        if (holding.Count == 0)
        {
            return new(code.Dotted, IcdSystem, null, null, null, null, dos, EditRules.CodeUnknown,
                releases.Count == 0 ? "no ICD-10-CM release is loaded" : $"{code.Dotted} is in no ICD-10-CM release ({Labels(releases)})");
        }

        if (inForce is null)
        {
            return new(code.Dotted, IcdSystem, entry!.LongDescription, entry.Billable, from, through, dos, EditRules.CodeInactive,
                $"no ICD-10-CM release covers {Iso(dos)}; releases: {Labels(releases)}");
        }

        if (inForce.Find(code.Value) is not { } current)
        {
            return new(code.Dotted, IcdSystem, entry!.LongDescription, entry.Billable, from, through, dos, EditRules.CodeInactive,
                $"{code.Dotted} is not in {inForce.Info.Label}, the release in force on {Iso(dos)} (valid {Iso(from)} to {Iso(through)})");
        }

        if (!current.Billable)
        {
            return new(code.Dotted, IcdSystem, current.LongDescription, false, from, through, dos, EditRules.IcdNotBillable,
                $"{code.Dotted} is a header code: report a code to its full specificity");
        }

        return new(code.Dotted, IcdSystem, current.LongDescription, true, from, through, dos, null, $"{code.Dotted} is billable on {Iso(dos)}");
    }

    public static CodeCheckResult CheckProcedure(CodeSetLibrary library, ProcedureCode code, DateOnly dos)
    {
        if (code.Kind == ProcedureCodeKind.HcpcsLevelII)
        {
            var hcpcsReleases = library.OfKind(CodeSetKind.Hcpcs).Cast<HcpcsRelease>().ToList();
            var hcpcs = library.InForce(CodeSetKind.Hcpcs, dos) as HcpcsRelease;
            if (hcpcs?.FindCode(code.Value) is { } e)
            {
                var through = e.TerminationDate ?? hcpcs.Info.EffectiveThrough;
                return e.IsActiveOn(dos)
                    ? new(code.Value, HcpcsSystem, e.LongDescription, null, e.AddedDate, through, dos, null, $"{code.Value} is active on {Iso(dos)}")
                    : new(code.Value, HcpcsSystem, e.LongDescription, null, e.AddedDate, through, dos, EditRules.CodeInactive,
                        e.TerminationDate is { } t && t < dos ? $"{code.Value} was terminated on {Iso(t)}" : $"{code.Value} is added on {Iso(e.AddedDate)}");
            }

            var older = hcpcsReleases.LastOrDefault(r => r.FindCode(code.Value) is not null);
            if (hcpcs is null && older is not null)
            {
                var e2 = older.FindCode(code.Value)!;
                return new(code.Value, HcpcsSystem, e2.LongDescription, null, e2.AddedDate, e2.TerminationDate ?? older.Info.EffectiveThrough, dos, EditRules.CodeInactive,
                    $"no HCPCS release covers {Iso(dos)}; releases: {Labels(hcpcsReleases)}");
            }
        }

        // CPT codes are known by number from the fee schedule (the AMA licenses their descriptors);
        // a user's CPT CSV adds descriptors.
        var rvuReleases = library.OfKind(CodeSetKind.Rvu).Cast<RvuRelease>().ToList();
        var cptReleases = library.OfKind(CodeSetKind.Cpt).Cast<CptRelease>().ToList();
        var rvu = library.InForce(CodeSetKind.Rvu, dos) as RvuRelease;
        var cpt = library.InForce(CodeSetKind.Cpt, dos) as CptRelease;
        var system = code.IsCpt ? CptSystem : HcpcsSystem;
        var descriptor = cpt?.Find(code.Key) ?? cptReleases.Select(r => r.Find(code.Key)).LastOrDefault(d => d is not null);
        if (rvu?.Find(code.Key) is not null || cpt?.Find(code.Key) is not null)
        {
            var holding = rvuReleases.Where(r => r.Find(code.Key) is not null).Cast<CodeSetRelease>()
                .Concat(cptReleases.Where(r => r.Find(code.Key) is not null)).OrderBy(r => r.Info.EffectiveDate).ToList();
            var (from, through) = Range(rvuReleases.Cast<CodeSetRelease>().Concat(cptReleases).OrderBy(r => r.Info.EffectiveDate).ToList(), holding);
            return new(code.Value, system, descriptor, null, from, through, dos, null, $"{code.Value} is active on {Iso(dos)}");
        }

        var everywhere = rvuReleases.Cast<CodeSetRelease>().Concat(cptReleases).Concat(library.OfKind(CodeSetKind.Hcpcs)).ToList();
        var known = rvuReleases.Any(r => r.Find(code.Key) is not null) || cptReleases.Any(r => r.Find(code.Key) is not null)
            || library.OfKind(CodeSetKind.Hcpcs).Cast<HcpcsRelease>().Any(r => r.FindCode(code.Value) is not null);
        if (!known)
        {
            return new(code.Value, system, null, null, null, null, dos, EditRules.CodeUnknown,
                everywhere.Count == 0 ? "no procedure code release (RVU, CPT or HCPCS) is loaded" : $"{code.Value} is in no loaded release ({Labels(everywhere)})");
        }

        return new(code.Value, system, descriptor, null, null, null, dos, EditRules.CodeInactive,
            rvu is null && cpt is null
                ? $"no RVU or CPT release covers {Iso(dos)}; releases: {Labels(everywhere)}"
                : $"{code.Value} is not in the releases in force on {Iso(dos)} ({Labels(new CodeSetRelease?[] { rvu, cpt }.OfType<CodeSetRelease>())})");
    }

    /// <summary>First effective date of the code and the last day of its latest contiguous presence.</summary>
    private static (DateOnly? From, DateOnly? Through) Range<T>(IReadOnlyList<T> all, IReadOnlyList<T> holding)
        where T : CodeSetRelease
    {
        if (holding.Count == 0)
        {
            return (null, null);
        }

        var last = holding[^1];
        var next = all.FirstOrDefault(r => r.Info.EffectiveDate > last.Info.EffectiveDate && !holding.Contains(r));
        var through = next is not null ? next.Info.EffectiveDate.AddDays(-1) : last.Info.EffectiveThrough;
        return (holding[0].Info.EffectiveDate, through);
    }

    private static string Labels(IEnumerable<CodeSetRelease> releases) => string.Join(", ", releases.Select(r => r.Info.EffectiveThrough is { } t ? $"{r.Info.Label} to {Iso(t)}" : r.Info.Label));

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open";
}
