using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Edits;

/// <summary>
/// The claim edit engine: a pure function from a claim and the releases in force on its date of
/// service to findings (rule catalogue: docs/EDITS.md). A clean claim allocates nothing: codes are
/// looked up by packed integer keys in flat tables (one entry per procedure code, a pair matrix
/// for PTP), the lookups run first in tight loops so their cache misses overlap, per-claim scratch
/// lives on the stack, modifiers are classified once per line from a table built from the
/// options, and messages are built only when a rule fires. Thread-safe; releases are resolved
/// once per date. On a large batch the engine waits on memory far more than it computes
/// (docs/PERFORMANCE.md, scrub section).
/// </summary>
public sealed class ClaimEditor
{
    private const int MaxStackLines = 64;
    private const int MaxStackDiagnoses = 16;
    private const int RecentDays = 256;
    private const int ModifierAlphabet = 'Z' - '0' + 1;

    private static readonly int FirstEmKey = ProcedureCode.PackKey("99202");
    private static readonly int LastEmKey = ProcedureCode.PackKey("99499");

    private readonly CodeSetLibrary library;
    private readonly EditOptions options;
    private readonly ConcurrentDictionary<DateOnly, Day> days = new();
    private readonly ConcurrentDictionary<(object?, object?, object?, object?), ProcedureIndex> indices = new();
    private readonly Func<DateOnly, Day> dayOf;
    private readonly Day?[] recentDays = new Day?[RecentDays];
    private readonly ModifierTraits[] modifierTraits;

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
            return new Day(date.DayNumber, snap, index);
        };
        modifierTraits = new ModifierTraits[ModifierAlphabet * ModifierAlphabet];
        for (var a = 0; a < ModifierAlphabet; a++)
        {
            for (var b = 0; b < ModifierAlphabet; b++)
            {
                modifierTraits[(a * ModifierAlphabet) + b] = TraitsFromOptions(new string([(char)('0' + a), (char)('0' + b)]));
            }
        }

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
        var day = DayOf(claim.DateOfService);
        var snap = day.Snapshot;
        var index = day.Index;
        if (claim.RenderingNpi is null)
        {
            findings.Add(new(EditRules.NpiInvalid, EditSeverity.Error, claim.Id, null, [claim.RenderingNpiText],
                Npi.TryParse(claim.RenderingNpiText, out _, out var npiError) ? "rendering NPI is invalid" : npiError));
        }

        var lines = claim.Lines;
        var n = lines.Length;
        var dxCount = claim.Diagnoses.Length;

        // The table lookups first, each kind in a tight loop of independent loads so that their
        // cache misses overlap instead of queueing behind the rules: the ICD-10-CM flags of each
        // diagnosis (the pointer check reads them again) and what the procedure index knows of
        // each line's code. The scratch lives on the stack (an 837P claim has at most 12
        // diagnoses and 50 lines), so the pair rules after the line loop read neither the index
        // nor the modifier strings again.
        Span<byte> dxFlags = dxCount <= MaxStackDiagnoses ? stackalloc byte[dxCount] : new byte[dxCount];
        if (snap.Icd is { } icd)
        {
            for (var i = 0; i < dxCount; i++)
            {
                dxFlags[i] = icd.Flags(claim.Diagnoses[i].Key);
            }
        }

        Span<LineFacts> facts = n <= MaxStackLines ? stackalloc LineFacts[n] : new LineFacts[n];
        for (var i = 0; i < n; i++)
        {
            facts[i] = lines[i].Code is { } code ? new LineFacts(code.Key, index.Find(code.Key), IsEm(code)) : LineFacts.Malformed;
        }

        CheckDiagnoses(claim, dxFlags, findings);
        var minorProcedureLine = -1;
        var ptp = snap.Ptp;
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            ref var f = ref facts[i];
            if (line.Code is not { } code)
            {
                findings.Add(new(EditRules.CodeUnknown, EditSeverity.Error, claim.Id, line.Number, [line.CodeText], $"{Echo.Quote(line.CodeText)} is not a CPT or HCPCS code"));
            }
            else
            {
                // PTP, MUE and global-period edits run on every well-formed code, whatever its
                // validity: a payer applies each edit on its own, and each finding helps the fix.
                CheckCode(claim, line, code, f.IsKnown, snap, findings);
                if (minorProcedureLine < 0 && f.IsMinorProcedure && !f.IsEm)
                {
                    minorProcedureLine = i;
                }
            }

            f.Modifiers = CheckModifiers(claim, line, snap, findings);
            CheckPointers(claim, line, dxFlags, findings);
            if (i > 0)
            {
                CheckDuplicate(claim, i, facts, findings);
            }
        }

        if (ptp is not null && n > 1)
        {
            CheckPtp(claim, facts, ptp, findings);
        }

        if (snap.Mue is not null)
        {
            CheckMue(claim, facts, findings);
        }

        if (minorProcedureLine >= 0)
        {
            CheckModifier25(claim, minorProcedureLine, facts, snap.Rvu!, findings);
        }

        if (claim.EmDocumentation is { } documentation)
        {
            CheckEmLevel(claim, documentation, findings);
        }
    }

    private void CheckDiagnoses(Claim claim, ReadOnlySpan<byte> dxFlags, List<EditFinding> findings)
    {
        var dx = claim.Diagnoses;
        for (var i = 0; i < dx.Length; i++)
        {
            if (dx[i].Code is not { } code)
            {
                IcdCode.TryParse(dx[i].Text, out _, out var error);
                findings.Add(new(EditRules.IcdFormat, EditSeverity.Error, claim.Id, null, [dx[i].Text], error ?? $"{Echo.Quote(dx[i].Text)} is not an ICD-10-CM code"));
                continue;
            }

            var flags = dxFlags[i];
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

    /// <summary>Reports the line's modifier problems and returns what its modifiers are.</summary>
    private ModifierTraits CheckModifiers(Claim claim, ClaimLine line, CodeSetSnapshot snap, List<EditFinding> findings)
    {
        var traits = ModifierTraits.None;
        if (line.ModifierTexts.IsEmpty)
        {
            foreach (var m in line.Modifiers)
            {
                traits |= TraitsOf(m.Value);
            }

            return traits;
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

        foreach (var m in line.Modifiers)
        {
            var v = m.Value;
            var t = TraitsOf(v);
            traits |= t;
            if (!IsKnownModifier(v, t, snap, claim.DateOfService))
            {
                findings.Add(new(EditRules.ModInvalid, EditSeverity.Error, claim.Id, line.Number, [v],
                    $"modifier {v} is not a CPT modifier nor a HCPCS Level II modifier in force on {Iso(claim.DateOfService)}"));
            }
        }

        // 59 and XE/XS/XP/XU must not be reported together (CMS CR 8863, FACTS.md §2.1); 26 and
        // TC together are the global service, billed without either modifier.
        if ((traits & ModifierTraits.Is59) != 0 && (traits & ModifierTraits.IsX) != 0)
        {
            findings.Add(new(EditRules.ModConflict, EditSeverity.Error, claim.Id, line.Number, [.. line.Modifiers.Select(x => x.Value).Where(x => x is "59" or "XE" or "XS" or "XP" or "XU")],
                "modifier 59 and an X modifier (XE, XS, XP, XU) on the same line: report the more specific X modifier alone"));
        }

        if ((traits & ModifierTraits.Is26) != 0 && (traits & ModifierTraits.IsTc) != 0)
        {
            findings.Add(new(EditRules.ModConflict, EditSeverity.Error, claim.Id, line.Number, ["26", "TC"],
                "modifiers 26 and TC on the same line: bill the global service without either"));
        }

        return traits;
    }

    private static bool IsKnownModifier(string modifier, ModifierTraits traits, CodeSetSnapshot snap, DateOnly date)
    {
        if ((traits & ModifierTraits.Cpt) != 0)
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

    /// <summary>
    /// What a modifier is, for every rule that asks: a table lookup for the two upper-case ASCII
    /// letters or digits every parsed <see cref="Modifier"/> has, the option sets themselves otherwise.
    /// </summary>
    private ModifierTraits TraitsOf(string? modifier)
    {
        if (modifier is { Length: 2 } && ModifierSlot(modifier[0], modifier[1]) is var slot and >= 0)
        {
            return modifierTraits[slot];
        }

        return modifier is null ? ModifierTraits.None : TraitsFromOptions(modifier);
    }

    private ModifierTraits TraitsFromOptions(string modifier) =>
        (options.CptModifiers.Contains(modifier) ? ModifierTraits.Cpt : 0)
        | (options.RepeatModifiers.Contains(modifier) ? ModifierTraits.Repeat : 0)
        | (options.NcciAssociatedModifiers.Contains(modifier) ? ModifierTraits.NcciAssociated : 0)
        | (options.EmPtpBypassModifiers.Contains(modifier) ? ModifierTraits.EmPtpBypass : 0)
        | modifier switch
        {
            "25" => ModifierTraits.Is25,
            "59" => ModifierTraits.Is59,
            "XE" or "XS" or "XP" or "XU" => ModifierTraits.IsX,
            "26" => ModifierTraits.Is26,
            "TC" => ModifierTraits.IsTc,
            _ => ModifierTraits.None,
        };

    /// <summary>The table slot of two characters in '0'..'Z', or -1.</summary>
    private static int ModifierSlot(char first, char second)
    {
        var a = first - '0';
        var b = second - '0';
        return (uint)a < ModifierAlphabet && (uint)b < ModifierAlphabet ? (a * ModifierAlphabet) + b : -1;
    }

    private static void CheckPointers(Claim claim, ClaimLine line, ReadOnlySpan<byte> dxFlags, List<EditFinding> findings)
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
        if (p[0] > 1 && p[0] <= dxCount && (dxFlags[p[0] - 1] & IcdRelease.ManifestationFlag) != 0 && claim.Diagnoses[p[0] - 1] is { Code: { } primary })
        {
            findings.Add(new(EditRules.DxManifestationFirst, EditSeverity.Error, claim.Id, line.Number, [primary.Dotted, line.CodeText],
                $"the line's primary diagnosis {primary.Dotted} is an 'in diseases classified elsewhere' manifestation code: point first to the underlying condition"));
        }
    }

    private void CheckDuplicate(Claim claim, int index, ReadOnlySpan<LineFacts> facts, List<EditFinding> findings)
    {
        var key = facts[index].Key;
        var line = claim.Lines[index];
        if (key < 0)
        {
            return;
        }

        for (var j = 0; j < index; j++)
        {
            if (facts[j].Key != key)
            {
                continue;
            }

            var other = claim.Lines[j];
            if (SameModifiers(other, line) && (facts[index].Modifiers & ModifierTraits.Repeat) == 0)
            {
                findings.Add(new(EditRules.ClaimDuplicateLine, options.DuplicateLineSeverity, claim.Id, line.Number, [line.CodeText],
                    string.Create(CultureInfo.InvariantCulture, $"line {line.Number} repeats line {other.Number} (same code and modifiers): combine the units, or add 76, 77 or 91 for a true repeat")));
                return;
            }
        }
    }

    private void CheckPtp(Claim claim, ReadOnlySpan<LineFacts> facts, PtpRelease ptp, List<EditFinding> findings)
    {
        // First both orders of every pair of lines, from one probe each of the release's pair
        // matrix, in a tight loop so that the probes' cache misses overlap. For i < j,
        // states[i * n + j] holds the state of line i's code as column 1 in its low two bits, of
        // line j's in the next two. Most claims have no pair with rows and stop here.
        var n = facts.Length;
        Span<byte> states = n <= MaxStackLines ? stackalloc byte[n * n] : new byte[n * n];
        var any = 0;
        for (var i = 0; i < n; i++)
        {
            var a = facts[i].PtpOrdinal;
            if (a < 0)
            {
                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                var b = facts[j].PtpOrdinal;
                if (b < 0 || b == a)
                {
                    continue;
                }

                var state = ptp.PairStates(a, b);
                states[(i * n) + j] = (byte)state;
                any |= state;
            }
        }

        if (any == 0)
        {
            return;
        }

        var lines = claim.Lines;
        var day = claim.DateOfService.DayNumber;
        for (var i = 0; i < n; i++)
        {
            var a = facts[i].PtpOrdinal;
            if (a < 0)
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                var b = facts[j].PtpOrdinal;
                if (i == j || b < 0 || b == a)
                {
                    continue;
                }

                // Line i holds column 1, line j column 2: NCCI denies column 2.
                var state = i < j ? states[(i * n) + j] & PtpRelease.PairStateMask : states[(j * n) + i] >> 2;
                if (ptp.Resolve(a, b, state, day) is not { } indicator)
                {
                    continue;
                }

                var column2 = lines[j];
                if (indicator == PtpModifierIndicator.Allowed && (Bypasses(facts[j]) || (options.PtpModifierOnEitherLine && Bypasses(facts[i]))))
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

    private static bool Bypasses(in LineFacts line) =>
        (line.Modifiers & (line.IsEm ? ModifierTraits.EmPtpBypass : ModifierTraits.NcciAssociated)) != 0;

    private static void CheckMue(Claim claim, ReadOnlySpan<LineFacts> facts, List<EditFinding> findings)
    {
        var lines = claim.Lines;
        for (var i = 0; i < facts.Length; i++)
        {
            var value = facts[i].MueValue;
            if (value < 0)
            {
                continue;
            }

            var line = lines[i];
            var mai = facts[i].MueIndicator;
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
                seenBefore = facts[j].Key == facts[i].Key;
            }

            if (seenBefore)
            {
                continue;
            }

            long total = 0;
            for (var j = i; j < facts.Length; j++)
            {
                if (facts[j].Key == facts[i].Key)
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

    private static void CheckModifier25(Claim claim, int minorLine, ReadOnlySpan<LineFacts> facts, RvuRelease rvu, List<EditFinding> findings)
    {
        var minor = claim.Lines[minorLine].Code!.Value;
        for (var i = 0; i < facts.Length; i++)
        {
            if (facts[i].IsEm && (facts[i].Modifiers & ModifierTraits.Is25) == 0)
            {
                var line = claim.Lines[i];
                var em = line.Code!.Value;
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

    /// <summary>
    /// An E/M code (CPT 99202-99499), from the packed key: base-36 packing keeps the order of
    /// five-character codes, so this is <see cref="ProcedureCode.IsEm"/> without two string comparisons.
    /// </summary>
    private static bool IsEm(ProcedureCode code) =>
        code.Kind == ProcedureCodeKind.CptCategoryI && code.Key >= FirstEmKey && code.Key <= LastEmKey;

    /// <summary>The release snapshot and procedure index of a date; a small direct-mapped cache in front of the dictionary.</summary>
    private Day DayOf(DateOnly date)
    {
        var dayNumber = date.DayNumber;
        var slot = dayNumber & (RecentDays - 1);
        var day = recentDays[slot];
        if (day is null || day.DayNumber != dayNumber)
        {
            day = days.GetOrAdd(date, dayOf);
            recentDays[slot] = day;
        }

        return day;
    }

    private sealed record Day(int DayNumber, CodeSetSnapshot Snapshot, ProcedureIndex Index);

    /// <summary>What the rules after the line loop need of a line, kept on the stack.</summary>
    private record struct LineFacts(int Key, ProcedureIndex.ProcedureFacts Index, bool IsEm)
    {
        /// <summary>A line whose code is not a code's shape: no key, in no index.</summary>
        public static LineFacts Malformed => new(-1, ProcedureIndex.ProcedureFacts.Unknown, false);

        public ModifierTraits Modifiers { get; set; }

        public readonly int PtpOrdinal => Index.PtpOrdinal;

        public readonly int MueValue => Index.MueValue;

        public readonly MueAdjudication MueIndicator => Index.MueIndicator;

        public readonly bool IsKnown => Index.IsKnown;

        public readonly bool IsMinorProcedure => Index.IsMinorProcedure;
    }

    /// <summary>What a modifier is for the rules, from <see cref="EditOptions"/> and the fixed pairs of MOD-CONFLICT.</summary>
    [Flags]
    private enum ModifierTraits : ushort
    {
        None = 0,
        Cpt = 1,
        Repeat = 2,
        NcciAssociated = 4,
        EmPtpBypass = 8,
        Is25 = 16,
        Is59 = 32,
        IsX = 64,
        Is26 = 128,
        IsTc = 256,
    }
}
