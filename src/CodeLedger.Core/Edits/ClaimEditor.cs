using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Edits;

/// <summary>
/// The claim edit engine: a pure function from a claim and the releases in force on its date of
/// service to findings (rule catalogue: docs/EDITS.md). A clean claim allocates nothing: codes are
/// looked up by packed integer keys in frozen indices, per-claim scratch lives on the stack, and
/// messages are built only when a rule fires. Thread-safe; releases are resolved once per date.
/// </summary>
public sealed class ClaimEditor
{
    private const int MaxStackLines = 64;

    private readonly CodeSetLibrary library;
    private readonly EditOptions options;
    private readonly ConcurrentDictionary<DateOnly, Day> days = new();
    private readonly ConcurrentDictionary<(object?, object?, object?, object?), ProcedureIndex> indices = new();
    private readonly Func<DateOnly, Day> dayOf;

    // Why a code is unknown or inactive takes a walk over every release; the answer for a code on
    // a date never changes, so it is worked out once. ICD keys (>= 0) and procedure keys (stored
    // as -1 - key, < 0) share the cache without colliding.
    private readonly ConcurrentDictionary<(long Key, DateOnly Date), CodeCheckResult> explanations = new();
    private readonly Func<(long Key, DateOnly Date), IcdCode, CodeCheckResult> explainIcd;
    private readonly Func<(long Key, DateOnly Date), ProcedureCode, CodeCheckResult> explainProcedure;

    public ClaimEditor(CodeSetLibrary library, EditOptions? options = null)
    {
        this.library = library;
        this.options = options ?? EditOptions.Medicare;
        dayOf = date =>
        {
            var snap = library.On(date);
            var index = indices.GetOrAdd((snap.Rvu, snap.Mue, snap.Ptp, snap.Cpt), _ => new ProcedureIndex(snap.Rvu, snap.Mue, snap.Ptp, snap.Cpt, this.options.Modifier25GlobalPeriods));
            return new Day(snap, index);
        };
        explainIcd = (k, code) => CodeChecker.CheckIcd(library, code, k.Date);
        explainProcedure = (k, code) => CodeChecker.CheckProcedure(library, code, k.Date);
    }

    public IReadOnlyList<EditFinding> Check(Claim claim)
    {
        var findings = new List<EditFinding>();
        Check(claim, findings);
        return findings;
    }

    /// <summary>Appends the claim's findings to <paramref name="findings"/>.</summary>
    public void Check(Claim claim, List<EditFinding> findings)
    {
        var day = days.GetOrAdd(claim.DateOfService, dayOf);
        var snap = day.Snapshot;
        var index = day.Index;
        if (claim.RenderingNpi is null)
        {
            findings.Add(new(EditRules.NpiInvalid, EditSeverity.Error, claim.Id, null, [claim.RenderingNpiText],
                Npi.TryParse(claim.RenderingNpiText, out _, out var npiError) ? "rendering NPI is invalid" : npiError));
        }

        CheckDiagnoses(claim, snap, findings);
        var lines = claim.Lines;
        var n = lines.Length;

        // Per-line scratch on the stack: the code key (-1 when the code is malformed), its PTP
        // ordinal and whether its global period is a minor procedure's.
        Span<int> keys = n <= MaxStackLines ? stackalloc int[n] : new int[n];
        Span<int> ptpOrdinals = n <= MaxStackLines ? stackalloc int[n] : new int[n];
        Span<int> at = n <= MaxStackLines ? stackalloc int[n] : new int[n];
        var minorProcedureLine = -1;
        var ptp = snap.Ptp;
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            keys[i] = -1;
            ptpOrdinals[i] = -1;
            at[i] = -1;
            if (line.Code is not { } code)
            {
                findings.Add(new(EditRules.CodeUnknown, EditSeverity.Error, claim.Id, line.Number, [line.CodeText], $"'{line.CodeText}' is not a CPT or HCPCS code"));
            }
            else
            {
                // PTP, MUE and global-period edits run on every well-formed code, whatever its
                // validity: a payer applies each edit on its own, and each finding helps the fix.
                var x = index.IndexOf(code.Key);
                CheckCode(claim, line, code, x >= 0 && index.IsKnown(x), snap, findings);
                keys[i] = code.Key;
                at[i] = x;
                if (x >= 0)
                {
                    ptpOrdinals[i] = index.PtpOrdinal(x);
                    if (minorProcedureLine < 0 && index.IsMinorProcedure(x) && !code.IsEm)
                    {
                        minorProcedureLine = i;
                    }
                }
            }

            CheckModifiers(claim, line, snap, findings);
            CheckPointers(claim, line, snap, findings);
            if (i > 0)
            {
                CheckDuplicate(claim, i, keys, findings);
            }
        }

        if (ptp is not null && n > 1)
        {
            CheckPtp(claim, ptpOrdinals, ptp, findings);
        }

        if (snap.Mue is not null)
        {
            CheckMue(claim, keys, at, index, findings);
        }

        if (minorProcedureLine >= 0)
        {
            CheckModifier25(claim, minorProcedureLine, snap.Rvu!, findings);
        }

        if (claim.EmDocumentation is { } documentation)
        {
            CheckEmLevel(claim, documentation, findings);
        }
    }

    private void CheckDiagnoses(Claim claim, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        var dx = claim.Diagnoses;
        for (var i = 0; i < dx.Length; i++)
        {
            if (dx[i].Code is not { } code)
            {
                IcdCode.TryParse(dx[i].Text, out _, out var error);
                findings.Add(new(EditRules.IcdFormat, EditSeverity.Error, claim.Id, null, [dx[i].Text], error ?? $"'{dx[i].Text}' is not an ICD-10-CM code"));
                continue;
            }

            var flags = snap.Icd?.Flags(dx[i].Key) ?? 0;
            if (flags == 0)
            {
                var check = explanations.GetOrAdd((dx[i].Key, claim.DateOfService), explainIcd, code);
                findings.Add(new(check.Problem ?? EditRules.CodeUnknown, EditSeverity.Error, claim.Id, null, [code.Dotted], check.Message));
                continue;
            }

            if ((flags & IcdRelease.BillableFlag) == 0)
            {
                findings.Add(new(EditRules.IcdNotBillable, EditSeverity.Error, claim.Id, null, [code.Dotted],
                    $"{code.Dotted} is a header code, not valid on a claim: report a code to its full specificity"));
            }

            if (i == 0 && (flags & IcdRelease.ManifestationFlag) != 0)
            {
                findings.Add(new(EditRules.DxManifestationFirst, EditSeverity.Error, claim.Id, null, [code.Dotted],
                    $"{code.Dotted} is an 'in diseases classified elsewhere' manifestation code and may not be first-listed: code the underlying condition first"));
            }
        }
    }

    /// <summary>Reports an unknown or inactive procedure code.</summary>
    /// <param name="knownByNumber">In the fee schedule or the CPT descriptors in force.</param>
    private void CheckCode(Claim claim, ClaimLine line, ProcedureCode code, bool knownByNumber, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        // A HCPCS Level II code the HCPCS release lists is judged by its own added and termination dates.
        var valid = code.Kind == ProcedureCodeKind.HcpcsLevelII && snap.Hcpcs?.FindCode(code.Value) is { } hcpcs
            ? hcpcs.IsActiveOn(claim.DateOfService)
            : knownByNumber;
        if (valid)
        {
            return;
        }

        var check = explanations.GetOrAdd((-1L - code.Key, claim.DateOfService), explainProcedure, code);
        if (check.Problem is not null)
        {
            findings.Add(new(check.Problem, EditSeverity.Error, claim.Id, line.Number, [code.Value], check.Message));
        }
    }

    private void CheckModifiers(Claim claim, ClaimLine line, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        if (line.ModifierTexts.IsEmpty)
        {
            return;
        }

        if (line.Modifiers.Length != line.ModifierTexts.Length)
        {
            foreach (var text in line.ModifierTexts)
            {
                if (!Modifier.TryParse(text, out _, out var error))
                {
                    findings.Add(new(EditRules.ModInvalid, EditSeverity.Error, claim.Id, line.Number, [text], error));
                }
            }
        }

        bool has59 = false, hasX = false, has26 = false, hasTc = false;
        foreach (var m in line.Modifiers)
        {
            var v = m.Value;
            has59 |= v == "59";
            hasX |= v is "XE" or "XS" or "XP" or "XU";
            has26 |= v == "26";
            hasTc |= v == "TC";
            if (!IsKnownModifier(v, snap, claim.DateOfService))
            {
                findings.Add(new(EditRules.ModInvalid, EditSeverity.Error, claim.Id, line.Number, [v],
                    $"modifier {v} is not a CPT modifier nor a HCPCS Level II modifier in force on {Iso(claim.DateOfService)}"));
            }
        }

        // 59 and XE/XS/XP/XU must not be reported together (CMS CR 8863, FACTS.md §2.1); 26 and
        // TC together are the global service, billed without either modifier.
        if (has59 && hasX)
        {
            findings.Add(new(EditRules.ModConflict, EditSeverity.Error, claim.Id, line.Number, [.. line.Modifiers.Select(x => x.Value).Where(x => x is "59" or "XE" or "XS" or "XP" or "XU")],
                "modifier 59 and an X modifier (XE, XS, XP, XU) on the same line: report the more specific X modifier alone"));
        }

        if (has26 && hasTc)
        {
            findings.Add(new(EditRules.ModConflict, EditSeverity.Error, claim.Id, line.Number, ["26", "TC"],
                "modifiers 26 and TC on the same line: bill the global service without either"));
        }
    }

    private bool IsKnownModifier(string modifier, CodeSetSnapshot snap, DateOnly date)
    {
        if (options.CptModifiers.Contains(modifier))
        {
            return true;
        }

        if (char.IsAsciiDigit(modifier[0]) && char.IsAsciiDigit(modifier[1]))
        {
            // Two-digit modifiers are CPT's; one not in the configured list does not exist.
            return false;
        }

        // Without a HCPCS release listing Level II modifiers in force, only the shape can be checked.
        return snap.Hcpcs is not { ModifierCount: > 0 } hcpcs || (hcpcs.FindModifier(modifier) is { } m && m.IsActiveOn(date));
    }

    private static void CheckPointers(Claim claim, ClaimLine line, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        var p = line.Pointers;
        if (p.IsEmpty)
        {
            findings.Add(new(EditRules.DxPointer, EditSeverity.Error, claim.Id, line.Number, [line.CodeText], "the line points to no diagnosis"));
            return;
        }

        var dxCount = claim.Diagnoses.Length;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] < 1 || p[i] > dxCount)
            {
                findings.Add(new(EditRules.DxPointer, EditSeverity.Error, claim.Id, line.Number, [line.CodeText],
                    string.Create(CultureInfo.InvariantCulture, $"pointer {p[i]} is beyond the {dxCount} diagnoses on the claim")));
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                if (p[j] == p[i])
                {
                    findings.Add(new(EditRules.DxPointer, EditSeverity.Error, claim.Id, line.Number, [line.CodeText],
                        string.Create(CultureInfo.InvariantCulture, $"pointer {p[i]} appears twice on the line")));
                    break;
                }
            }
        }

        // The first pointer is the line's primary diagnosis: a manifestation there is first-listed for the line.
        if (p[0] > 1 && p[0] <= dxCount && claim.Diagnoses[p[0] - 1] is { Code: { } primary } pointed && ((snap.Icd?.Flags(pointed.Key) ?? 0) & IcdRelease.ManifestationFlag) != 0)
        {
            findings.Add(new(EditRules.DxManifestationFirst, EditSeverity.Error, claim.Id, line.Number, [primary.Dotted, line.CodeText],
                $"the line's primary diagnosis {primary.Dotted} is an 'in diseases classified elsewhere' manifestation code: point first to the underlying condition"));
        }
    }

    private void CheckDuplicate(Claim claim, int index, ReadOnlySpan<int> keys, List<EditFinding> findings)
    {
        var key = keys[index];
        var line = claim.Lines[index];
        if (key < 0)
        {
            return;
        }

        for (var j = 0; j < index; j++)
        {
            if (keys[j] != key)
            {
                continue;
            }

            var other = claim.Lines[j];
            if (SameModifiers(other, line) && !HasAny(line, options.RepeatModifiers))
            {
                findings.Add(new(EditRules.ClaimDuplicateLine, options.DuplicateLineSeverity, claim.Id, line.Number, [line.CodeText],
                    string.Create(CultureInfo.InvariantCulture, $"line {line.Number} repeats line {other.Number} (same code and modifiers): combine the units, or add 76, 77 or 91 for a true repeat")));
                return;
            }
        }
    }

    private void CheckPtp(Claim claim, ReadOnlySpan<int> ordinals, PtpRelease ptp, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        var day = claim.DateOfService.DayNumber;
        for (var i = 0; i < ordinals.Length; i++)
        {
            if (ordinals[i] < 0)
            {
                continue;
            }

            for (var j = 0; j < ordinals.Length; j++)
            {
                if (i == j || ordinals[j] < 0 || ordinals[j] == ordinals[i])
                {
                    continue;
                }

                // Line i holds column 1, line j column 2: NCCI denies column 2.
                if (ptp.FindByOrdinal(ordinals[i], ordinals[j], day) is not { } indicator)
                {
                    continue;
                }

                var column2 = lines[j];
                if (indicator == PtpModifierIndicator.Allowed && (Bypasses(column2) || (options.PtpModifierOnEitherLine && Bypasses(lines[i]))))
                {
                    continue;
                }

                var c1 = lines[i].Code!.Value.Value;
                var c2 = column2.Code!.Value.Value;
                findings.Add(new(EditRules.NcciPtp, EditSeverity.Error, claim.Id, column2.Number, [c1, c2],
                    indicator == PtpModifierIndicator.NotAllowed
                        ? $"{c2} (line {column2.Number}) is column 2 of NCCI edit {c1}/{c2} with modifier indicator 0: never paid with {c1} (line {lines[i].Number})"
                        : $"{c2} (line {column2.Number}) is column 2 of NCCI edit {c1}/{c2}: denied with {c1} (line {lines[i].Number}) unless an NCCI-associated modifier documents a distinct service"));
            }
        }
    }

    private bool Bypasses(ClaimLine line)
    {
        var allowed = line.Code is { IsEm: true } ? options.EmPtpBypassModifiers : options.NcciAssociatedModifiers;
        return HasAny(line, allowed);
    }

    private static void CheckMue(Claim claim, ReadOnlySpan<int> keys, ReadOnlySpan<int> at, ProcedureIndex index, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        for (var i = 0; i < keys.Length; i++)
        {
            var value = at[i] < 0 ? -1 : index.MueValue(at[i]);
            if (value < 0)
            {
                continue;
            }

            var line = lines[i];
            var mai = index.MueIndicator(at[i]);
            if (mai == MueAdjudication.Line)
            {
                if (line.Units > value)
                {
                    findings.Add(new(EditRules.Mue, EditSeverity.Error, claim.Id, line.Number, [line.CodeText],
                        string.Create(CultureInfo.InvariantCulture, $"{line.Units} units of {line.CodeText} on one line; the MUE is {value} per line (MAI 1)")));
                }

                continue;
            }

            // MAI 2 and 3: units summed over the date of service, reported once at the code's first line.
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
            {
                seenBefore = keys[j] == keys[i];
            }

            if (seenBefore)
            {
                continue;
            }

            long total = 0;
            for (var j = i; j < keys.Length; j++)
            {
                if (keys[j] == keys[i])
                {
                    total += lines[j].Units;
                }
            }

            if (total > value)
            {
                findings.Add(new(EditRules.Mue, EditSeverity.Error, claim.Id, line.Number, [line.CodeText],
                    string.Create(CultureInfo.InvariantCulture, $"{total} units of {line.CodeText} on {Iso(claim.DateOfService)}; the MUE is {value} per date of service (MAI {(int)mai})")));
            }
        }
    }

    private static void CheckModifier25(Claim claim, int minorLine, RvuRelease rvu, List<EditFinding> findings)
    {
        var minor = claim.Lines[minorLine].Code!.Value;
        foreach (var line in claim.Lines)
        {
            if (line.Code is { IsEm: true } em && !line.Has("25"))
            {
                var days = rvu.Find(minor.Key)!.GlobalDays;
                findings.Add(new(EditRules.EmModifier25, EditSeverity.Error, claim.Id, line.Number, [em.Value, minor.Value],
                    $"E/M {em.Value} on the same day as minor procedure {minor.Value} ({days}-day global, line {claim.Lines[minorLine].Number}) without modifier 25: the visit is included in the procedure unless it is significant and separately identifiable"));
            }
        }
    }

    private static void CheckEmLevel(Claim claim, EmInput documentation, List<EditFinding> findings)
    {
        EmResult? supported = null;
        foreach (var line in claim.Lines)
        {
            if (line.Code is not { IsOfficeEm: true } billed || billed.Value == "99211")
            {
                continue;
            }

            supported ??= EmLeveler.Level(documentation);
            var billedLevel = billed.Value[4] - '0';
            var supportedLevel = supported.Code[4] - '0';
            if (billedLevel > supportedLevel)
            {
                findings.Add(new(EditRules.EmLevelSupport, EditSeverity.Error, claim.Id, line.Number, [billed.Value, supported.Code],
                    $"overcoded: {billed.Value} billed, the documentation supports {supported.Code} ({Describe(supported)})"));
            }
            else if (billedLevel < supportedLevel)
            {
                findings.Add(new(EditRules.EmLevelSupport, EditSeverity.Warning, claim.Id, line.Number, [billed.Value, supported.Code],
                    $"undercoded: {billed.Value} billed, the documentation supports {supported.Code} ({Describe(supported)})"));
            }
        }
    }

    private static string Describe(EmResult r) => r.Basis == EmBasis.Time
        ? "by total time"
        : "MDM " + r.Mdm.ToString().ToLowerInvariant();

    private static bool HasAny(ClaimLine line, IReadOnlySet<string> set)
    {
        foreach (var m in line.Modifiers)
        {
            if (set.Contains(m.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameModifiers(ClaimLine a, ClaimLine b)
    {
        if (a.Modifiers.Length != b.Modifiers.Length)
        {
            return false;
        }

        foreach (var m in a.Modifiers)
        {
            if (!b.Has(m.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Day(CodeSetSnapshot Snapshot, ProcedureIndex Index);
}
