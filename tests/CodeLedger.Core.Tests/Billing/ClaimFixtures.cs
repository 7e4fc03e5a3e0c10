using CodeLedger.Core.Billing;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Encounters;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>
/// A practice, its payers, a patient with coverage and a fee schedule, built in code so each test
/// breaks exactly one thing; codes are checked against the starter code set (in force from
/// 2023-10-01) the demo imports through the official importers.
/// </summary>
internal static class ClaimFixtures
{
    public static readonly DateOnly Dos = new(2026, 3, 10);

    public static readonly Lazy<CodeSetLibrary> Starter = new(StarterCodeSet.Library);

    public static ClaimAssembler Assembler(CodeSetLibrary? library = null) => new(new ClaimEditor(library ?? Starter.Value));

    public static readonly TradingPartner Clearinghouse = new("ZZ", "CLEARHOUSE01", "CLEARHOUSE01");

    public static readonly ClaimPayer Aetna = new("AETNA", "Aetna", "60054", "CI", true, Clearinghouse);

    public static readonly ClaimPayer Medicare = new("MCR-IL", "Medicare Illinois", "06102", "MB", true, new TradingPartner("ZZ", "NGSMEDICARE", "06102"));

    public static readonly BillingIdentity North = new("North Family Clinic", "1234567893", "37-1234567",
        new BillingAddress("1 Main St", "Suite 2", "Springfield", "IL", "62701-0001"));

    public static readonly RenderingPhysician Smith = new("1245319599", "Smith", "Anna", "207Q00000X");

    public static readonly PatientDemographics Jane = new("Doe", "Jane", new DateOnly(1980, 2, 29), PatientSex.Female, "M123");

    public static readonly BillingAddress JaneAddress = new("5 Elm St", null, "Springfield", "IL", "62702");

    public static FeeSchedule Fees(params (string Code, string? Modifier, decimal Charge)[] entries) =>
        new(new DateOnly(2026, 1, 1), entries.Select(e => new FeeScheduleEntry(ProcedureCode.Parse(e.Code), e.Modifier is null ? null : Modifier.Parse(e.Modifier), Money.FromDecimal(e.Charge))));

    public static readonly FeeSchedule NorthFees = Fees(("99213", null, 125m), ("93000", null, 45.50m), ("93000", "26", 20m), ("20610", null, 110m), ("11720", null, 60m), ("36415", null, 12m));

    /// <summary>"99213 25" is code and modifiers; "x3" sets units; "@1:2" sets pointers (default @1).</summary>
    public static CodedLine Line(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var units = 1;
        int[] pointers = [1];
        var modifiers = new List<Modifier>();
        foreach (var p in parts.Skip(1))
        {
            if (p.StartsWith('x'))
            {
                units = int.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (p.StartsWith('@'))
            {
                pointers = [.. p[1..].Split(':').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
            }
            else
            {
                modifiers.Add(Modifier.Parse(p));
            }
        }

        return new CodedLine(ProcedureCode.Parse(parts[0]), modifiers, units, pointers);
    }

    public static FinalizedCoding Coded(string[] diagnoses, params string[] lines) =>
        new([.. diagnoses.Select(IcdCode.Parse)], [.. lines.Select(Line)]);

    /// <summary>A clean office visit of Jane Doe, self-insured with Aetna, at North Family Clinic.</summary>
    public static ClaimRequest Request(string encounter = "ENC1001", params string[] lines) =>
        new("north", encounter, 1, ClaimFrequency.Original, null, Dos, "11", Jane, JaneAddress,
            new ClaimCoverage("AETNA", "W123456789", SubscriberRelationship.Self, "GRP-77"),
            [Aetna, Medicare], North, Smith,
            Coded(["I10", "E78.5"], lines.Length == 0 ? ["99213 @1:2"] : lines), NorthFees);

    public static ClaimSubmitter Submitter => new("NORTHETIN01", "North Family Clinic", "Billing Desk", "(555) 555-0100", Production: false);

    public static readonly FakeTime Clock = new(new DateTimeOffset(2026, 3, 12, 14, 5, 0, TimeSpan.Zero));

    public sealed class FakeTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Control numbers as X12ControlNumbers would hand them out: one counter per trading partner.</summary>
    public static Func<ClaimBatchPlan, BatchControlNumbers> Counter(long start = 1)
    {
        var next = new Dictionary<TradingPartner, long>();
        return plan =>
        {
            var n = next.TryGetValue(plan.Partner, out var v) ? v : start;
            next[plan.Partner] = n + 1;
            return new BatchControlNumbers(n, n, n);
        };
    }
}
