using System.Globalization;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>One level's row: this month, the benchmark and the physician's previous twelve months.</summary>
/// <param name="Share">Count ÷ the patient type's visits this month, 4 decimals; null with no visits.</param>
/// <param name="BenchmarkShare">The benchmark's share as published; null without a benchmark.</param>
/// <param name="PriorShare">The previous twelve months' share, 4 decimals; null with no visits then.</param>
/// <param name="UnitDollars">Total non-facility RVUs × conversion factor of one visit at this level; null when not priced.</param>
public sealed record EmLevelFigure(string Code, int Count, decimal? Share, decimal? BenchmarkShare, int PriorCount, decimal? PriorShare, decimal? UnitDollars);

/// <summary>One patient type (new or established) of one physician.</summary>
/// <param name="VsBenchmark">The goodness-of-fit test against the benchmark; null without a benchmark or visits.</param>
/// <param name="VsPriorTwelveMonths">This month against the physician's own previous twelve months' shares; null when either has no visits.</param>
/// <param name="RevenueDifference">Σ over levels (benchmark share × visits − count) × unit dollars, 2 decimals: positive when the benchmark mix would bill more. Informational.</param>
public sealed record EmPatientTypeFigures(
    PatientType PatientType,
    int Visits,
    int PriorVisits,
    IReadOnlyList<EmLevelFigure> Levels,
    string Benchmark,
    GoodnessOfFit? VsBenchmark,
    bool Flagged,
    GoodnessOfFit? VsPriorTwelveMonths,
    string Shift,
    decimal? RevenueDifference,
    string Revenue);

/// <summary>A physician's E/M distribution for the month.</summary>
/// <param name="Deleted99201">Encounters of the month coded 99201 (deleted 2021): left out of the distribution, counted here.</param>
public sealed record PhysicianEmDistribution(string Npi, string Name, string? Specialty, EmPatientTypeFigures New, EmPatientTypeFigures Established, int Deleted99201);

/// <summary>
/// Section 1: each physician's office E/M mix against their specialty's benchmark, the way CMS's
/// comparative billing reports show it, and against their own previous twelve months (a shift can
/// mean sicker patients or a coding change, and the text says both).
/// </summary>
public static class EmDistribution
{
    public const string RevenueLabel = "informational: what the month's visits would bill at the benchmark's mix (total non-facility RVUs × conversion factor, national, GPCI 1.000); it is not money owed or lost";

    /// <param name="month">The reported month: encounters finalized in it.</param>
    /// <param name="encounters">The month's and the previous twelve months' finalized encounters.</param>
    public static IReadOnlyList<PhysicianEmDistribution> Build(SlaMonth month, IEnumerable<ReportEncounter> encounters, EmBenchmarkTable benchmarks, IAuditPricing? pricing)
    {
        var firstPrior = month.AddMonths(-12).First;
        var physicians = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var e in encounters)
        {
            var inMonth = e.FinalizedOn >= month.First && e.FinalizedOn <= month.Last;
            var inPrior = !inMonth && e.FinalizedOn >= firstPrior && e.FinalizedOn < month.First;
            if (!inMonth && !inPrior)
            {
                continue;
            }

            if (!physicians.TryGetValue(e.Physician.Npi.Value, out var tally))
            {
                tally = physicians[e.Physician.Npi.Value] = new Tally(e.Physician);
            }

            if (inMonth)
            {
                tally.InMonth = true;
            }

            if (EmLevels.Classify(e.EmCode) is { } level)
            {
                var counts = level.Type == PatientType.New ? (inMonth ? tally.New : tally.PriorNew) : (inMonth ? tally.Established : tally.PriorEstablished);
                counts[level.Index]++;
            }
            else if (inMonth && e.EmCode == EmLevels.Deleted99201)
            {
                tally.Deleted++;
            }
        }

        var unitDollars = Prices(month, pricing, out var unpriced);
        return [.. physicians.Values.Where(t => t.InMonth).OrderBy(t => t.Physician.Npi.Value, StringComparer.Ordinal).Select(t => new PhysicianEmDistribution(
            t.Physician.Npi.Value,
            t.Physician.Name,
            t.Physician.Specialty?.Value,
            Figures(PatientType.New, t.Physician, t.New, t.PriorNew, benchmarks, unitDollars, unpriced),
            Figures(PatientType.Established, t.Physician, t.Established, t.PriorEstablished, benchmarks, unitDollars, unpriced),
            t.Deleted))];
    }

    private static EmPatientTypeFigures Figures(PatientType type, ReportPhysician physician, int[] counts, int[] prior, EmBenchmarkTable table, IReadOnlyDictionary<string, decimal?> unitDollars, string? unpriced)
    {
        var levels = EmLevels.Of(type);
        var visits = counts.Sum();
        var priorVisits = prior.Sum();
        var who = EmLevels.Token(type) + "-patient";
        var benchmark = physician.Specialty is { } s ? table.Find(s, type) : null;

        string benchmarkText;
        GoodnessOfFit? vsBenchmark = null;
        decimal? revenue = null;
        string revenueText;
        if (benchmark is null)
        {
            benchmarkText = physician.Specialty is { } sp
                ? $"no {who} benchmark for {sp} in {table.FileName}: not compared"
                : $"the physician has no specialty on file: no {who} benchmark to compare with";
            revenueText = "no benchmark: no revenue difference";
        }
        else
        {
            benchmarkText = $"{benchmark.Specialty} {who} benchmark, data {benchmark.DataYear}, source: {benchmark.Source} ({table.FileName})";
            var normalized = benchmark.Normalized;
            if (visits == 0)
            {
                revenueText = $"no {who} visits this month";
            }
            else
            {
                vsBenchmark = GoodnessOfFit.Test(levels, counts, normalized);
                if (levels.Any(l => unitDollars.GetValueOrDefault(l) is null))
                {
                    revenueText = unpriced ?? "not priced";
                }
                else
                {
                    // Σ (benchmark share × visits − actual) × dollars: computed exactly, rounded once.
                    var sum = 0m;
                    var total = benchmark.Shares.Sum();
                    for (var i = 0; i < levels.Count; i++)
                    {
                        var expected = benchmark.Shares[i] / total * visits;
                        sum += (expected - counts[i]) * unitDollars[levels[i]]!.Value;
                    }

                    revenue = decimal.Round(sum, 2, MidpointRounding.AwayFromZero);
                    revenueText = RevenueLabel;
                }
            }
        }

        GoodnessOfFit? vsPrior = null;
        string shift;
        if (visits == 0 || priorVisits == 0)
        {
            shift = visits == 0 ? $"no {who} visits this month" : $"no {who} visits in the previous twelve months to compare with";
        }
        else
        {
            var priorShares = prior.Select(c => (double)c / priorVisits).ToList();
            vsPrior = GoodnessOfFit.Test(levels, counts, priorShares);
            shift = !vsPrior.Tested ? vsPrior.Statement
                : vsPrior.Significant
                    ? "the mix differs significantly from the physician's previous twelve months: this can mean sicker (or healthier) patients this month, or a change in how visits are documented or coded; the audit and the notes tell which"
                    : "the mix is in line with the physician's previous twelve months";
        }

        var rows = new List<EmLevelFigure>();
        for (var i = 0; i < levels.Count; i++)
        {
            rows.Add(new EmLevelFigure(levels[i], counts[i], Share(counts[i], visits), benchmark?.Shares[i], prior[i], Share(prior[i], priorVisits), unitDollars.GetValueOrDefault(levels[i])));
        }

        return new EmPatientTypeFigures(type, visits, priorVisits, rows, benchmarkText, vsBenchmark, vsBenchmark is { Significant: true }, vsPrior, shift, revenue, revenueText);
    }

    private static decimal? Share(int count, int total) => total == 0 ? null : decimal.Round((decimal)count / total, 4, MidpointRounding.AwayFromZero);

    /// <summary>One visit's dollars per level on the month's first day (the fee schedule is annual, so the whole month prices alike).</summary>
    private static Dictionary<string, decimal?> Prices(SlaMonth month, IAuditPricing? pricing, out string? why)
    {
        why = null;
        var unpriced = new List<string>();
        var prices = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var code in EmLevels.New.Concat(EmLevels.Established))
        {
            decimal? price = null;
            if (pricing is not null && pricing.Rvu(ProcedureCode.Parse(code), [], month.First) is { } rvu)
            {
                try
                {
                    price = decimal.Round(rvu * pricing.ConversionFactor(month.First), 2, MidpointRounding.AwayFromZero);
                }
                catch (DomainException e)
                {
                    // No conversion factor in force: the level is not priced, and the text says why.
                    why ??= $"not priced: {e.Message}";
                }
            }
            else
            {
                unpriced.Add(code);
            }

            prices[code] = price;
        }

        var first = month.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (pricing is null)
        {
            why = "not priced: no RVU release was given";
        }
        else if (unpriced.Count == EmLevels.New.Count + EmLevels.Established.Count)
        {
            why = $"not priced: no imported RVU release covers {first}";
        }
        else if (unpriced.Count > 0)
        {
            why ??= $"not priced: the RVU release in force on {first} has no RVUs for {string.Join(", ", unpriced)}";
        }

        return prices;
    }

    private sealed class Tally(ReportPhysician physician)
    {
        public ReportPhysician Physician { get; } = physician;

        public bool InMonth { get; set; }

        public int[] New { get; } = new int[4];

        public int[] Established { get; } = new int[5];

        public int[] PriorNew { get; } = new int[4];

        public int[] PriorEstablished { get; } = new int[5];

        public int Deleted { get; set; }
    }
}
