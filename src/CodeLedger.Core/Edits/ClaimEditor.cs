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
    private readonly ConcurrentDictionary<DateOnly, CodeSetSnapshot> snapshots = new();

    public ClaimEditor(CodeSetLibrary library, EditOptions? options = null)
    {
        this.library = library;
        this.options = options ?? EditOptions.Medicare;
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
        var snap = snapshots.GetOrAdd(claim.DateOfService, library.On);
        if (claim.RenderingNpi is null)
        {
            findings.Add(new(EditRules.NpiInvalid, EditSeverity.Error, claim.Id, null, [claim.RenderingNpiText],
                Npi.TryParse(claim.RenderingNpiText, out _, out var npiError) ? "rendering NPI is invalid" : npiError));
        }

        CheckDiagnoses(claim, snap, findings);
        var lines = claim.Lines;
        var n = lines.Length;
        Span<int> keys = n <= MaxStackLines ? stackalloc int[n] : new int[n];
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            if (line.Code is null)
            {
                findings.Add(new(EditRules.CodeUnknown, EditSeverity.Error, claim.Id, line.Number, [line.CodeText], $"'{line.CodeText}' is not a CPT or HCPCS code"));
            }

            // PTP, MUE and global-period edits run on every well-formed code, whatever its
            // validity: a payer applies each edit on its own, and the finding helps the fix.
            keys[i] = -1;
            if (line.Code is { } c)
            {
                CheckCode(claim, line, c, snap, findings);
                keys[i] = c.Key;
            }
            CheckModifiers(claim, line, snap, findings);
            CheckPointers(claim, line, snap, findings);
            CheckDuplicate(claim, i, findings);
        }

        if (snap.Ptp is { } ptp)
        {
            CheckPtp(claim, keys, ptp, findings);
        }

        if (snap.Mue is { } mue)
        {
            CheckMue(claim, keys, mue, findings);
        }

        if (snap.Rvu is { } rvu)
        {
            CheckModifier25(claim, keys, rvu, findings);
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

            var entry = snap.Icd?.Find(code.Value);
            if (entry is null)
            {
                var check = CodeChecker.CheckIcd(library, code, claim.DateOfService);
                findings.Add(new(check.Problem ?? EditRules.CodeUnknown, EditSeverity.Error, claim.Id, null, [code.Dotted], check.Message));
                continue;
            }

            if (!entry.Billable)
            {
                findings.Add(new(EditRules.IcdNotBillable, EditSeverity.Error, claim.Id, null, [code.Dotted],
                    $"{code.Dotted} is a header code, not valid on a claim: report a code to its full specificity"));
            }

            if (i == 0 && entry.IsManifestation)
            {
                findings.Add(new(EditRules.DxManifestationFirst, EditSeverity.Error, claim.Id, null, [code.Dotted],
                    $"{code.Dotted} is an 'in diseases classified elsewhere' manifestation code and may not be first-listed: code the underlying condition first"));
            }
        }
    }

    private void CheckCode(Claim claim, ClaimLine line, ProcedureCode code, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        if (code.Kind == ProcedureCodeKind.HcpcsLevelII && snap.Hcpcs?.FindCode(code.Value) is { } hcpcs)
        {
            if (hcpcs.IsActiveOn(claim.DateOfService))
            {
                return;
            }
        }
        else if (snap.Rvu?.Find(code.Key) is not null || snap.Cpt?.Find(code.Key) is not null)
        {
            return;
        }

        var check = CodeChecker.CheckProcedure(library, code, claim.DateOfService);
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
        if (p[0] > 1 && p[0] <= dxCount && claim.Diagnoses[p[0] - 1].Code is { } primary && snap.Icd?.Find(primary.Value) is { IsManifestation: true })
        {
            findings.Add(new(EditRules.DxManifestationFirst, EditSeverity.Error, claim.Id, line.Number, [primary.Dotted, line.CodeText],
                $"the line's primary diagnosis {primary.Dotted} is an 'in diseases classified elsewhere' manifestation code: point first to the underlying condition"));
        }
    }

    private void CheckDuplicate(Claim claim, int index, List<EditFinding> findings)
    {
        var line = claim.Lines[index];
        if (line.Code is null || HasAny(line, options.RepeatModifiers))
        {
            return;
        }

        for (var j = 0; j < index; j++)
        {
            var other = claim.Lines[j];
            if (other.Code == line.Code && SameModifiers(other, line))
            {
                findings.Add(new(EditRules.ClaimDuplicateLine, options.DuplicateLineSeverity, claim.Id, line.Number, [line.Code.Value.Value],
                    string.Create(CultureInfo.InvariantCulture, $"line {line.Number} repeats line {other.Number} (same code and modifiers): combine the units, or add 76, 77 or 91 for a true repeat")));
                return;
            }
        }
    }

    private void CheckPtp(Claim claim, ReadOnlySpan<int> keys, PtpRelease ptp, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] < 0)
            {
                continue;
            }

            for (var j = 0; j < keys.Length; j++)
            {
                if (i == j || keys[j] < 0 || keys[j] == keys[i])
                {
                    continue;
                }

                // Line i holds column 1, line j column 2: NCCI denies column 2.
                if (ptp.Find(keys[i], keys[j], claim.DateOfService) is not { } indicator)
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

    private static void CheckMue(Claim claim, ReadOnlySpan<int> keys, MueRelease mue, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] < 0 || mue.Find(keys[i]) is not { } edit)
            {
                continue;
            }

            var line = lines[i];
            if (edit.Adjudication == MueAdjudication.Line)
            {
                if (line.Units > edit.Value)
                {
                    findings.Add(new(EditRules.Mue, EditSeverity.Error, claim.Id, line.Number, [edit.Code],
                        string.Create(CultureInfo.InvariantCulture, $"{line.Units} units of {edit.Code} on one line; the MUE is {edit.Value} per line (MAI 1)")));
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

            if (total > edit.Value)
            {
                findings.Add(new(EditRules.Mue, EditSeverity.Error, claim.Id, line.Number, [edit.Code],
                    string.Create(CultureInfo.InvariantCulture, $"{total} units of {edit.Code} on {Iso(claim.DateOfService)}; the MUE is {edit.Value} per date of service (MAI {(int)edit.Adjudication})")));
            }
        }
    }

    private void CheckModifier25(Claim claim, ReadOnlySpan<int> keys, RvuRelease rvu, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        string? minor = null;
        for (var i = 0; i < keys.Length && minor is null; i++)
        {
            if (keys[i] >= 0 && lines[i].Code is { IsEm: false } code && rvu.Find(keys[i]) is { } row && options.Modifier25GlobalPeriods.Contains(row.GlobalPeriod))
            {
                minor = code.Value + " (" + row.GlobalDays + "-day global)";
            }
        }

        if (minor is null)
        {
            return;
        }

        foreach (var line in lines)
        {
            if (line.Code is { IsEm: true } em && !line.Has("25"))
            {
                findings.Add(new(EditRules.EmModifier25, EditSeverity.Error, claim.Id, line.Number, [em.Value, minor[..5]],
                    $"E/M {em.Value} on the same day as minor procedure {minor} without modifier 25: the visit is included in the procedure unless it is significant and separately identifiable"));
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
}
