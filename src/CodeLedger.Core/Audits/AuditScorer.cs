using System.Globalization;

namespace CodeLedger.Core.Audits;

/// <summary>A proportion with its Wilson score 95% interval (Wilson 1927; Newcombe 1998, method 3).</summary>
public sealed record Proportion(int Successes, int Trials, double Point, double Lower, double Upper)
{
    public static Proportion Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new Proportion(0, 0, double.NaN, 0, 1);
        }

        const double z = SampleSize.Z95;
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new Proportion(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>What the interval supports against the contract floor.</summary>
public enum FloorVerdict
{
    /// <summary>The lower bound is at or above the floor: pass.</summary>
    Demonstrated,

    /// <summary>The floor is inside the interval: neither shown met nor shown missed.</summary>
    NotDemonstrated,

    /// <summary>The upper bound is below the floor.</summary>
    Missed,
}

/// <summary>Accuracy of one group (a coder, a physician, a component).</summary>
public sealed record GroupAccuracy(string Key, Proportion Accuracy);

/// <summary>Dollars: the auditor's RVUs minus the vendor's times the conversion factor, per encounter, split by sign.</summary>
/// <param name="Undercoding">Σ over encounters the auditor valued higher (money the practice did not bill).</param>
/// <param name="Overcoding">Σ over encounters the vendor valued higher, as a positive amount (overpayment exposure).</param>
/// <param name="Net">Undercoding − Overcoding.</param>
/// <param name="ProjectedNet">Net per audited encounter × frame size; null unless the sample is statistically valid.</param>
/// <param name="Projection">Why there is (or is not) a projection.</param>
public sealed record DollarImpact(decimal Undercoding, decimal Overcoding, decimal Net, decimal? ProjectedNet, string Projection);

/// <summary>One set of figures: the initial (every finding) or the final (reversed findings withdrawn).</summary>
public sealed record AuditFigureSet(
    string Basis,
    string Label,
    Proportion EncounterAccuracy,
    Proportion CodeAccuracy,
    double DollarAccuracy,
    IReadOnlyList<GroupAccuracy> Components,
    IReadOnlyDictionary<ErrorCategory, int> FindingsByCategory,
    IReadOnlyList<GroupAccuracy> ByCoder,
    IReadOnlyList<GroupAccuracy> ByPhysician,
    FloorVerdict Verdict,
    string FloorStatement,
    DollarImpact Dollars);

/// <summary>The audit's figures, initial and final, with the sample's validity.</summary>
public sealed record AuditFigures(int Sampled, int Audited, bool StatisticallyValid, string Validity, AuditFigureSet Initial, AuditFigureSet Final);

/// <summary>
/// Scores an audit (docs/AUDIT.md, "Figures"). One function for the tables and for the replayed
/// ledger: it takes the sample, the comparisons of the encounters recorded so far and the disputes,
/// and nothing else.
/// </summary>
public static class AuditScorer
{
    /// <summary>The bucket of encounters coded outside CodeLedger (imported 837P claims): no coder is known.</summary>
    public const string ImportedClaims = "(imported claims)";

    public static AuditFigures Score(AuditSample sample, IReadOnlyList<EncounterComparison> comparisons, AuditDisputes disputes, AuditNames? names = null)
    {
        var audited = comparisons.Where(c => sample.Contains(c.EncounterId)).ToList();
        var (valid, reason) = sample.Validity(audited.Count);
        return new AuditFigures(sample.Members.Count, audited.Count, valid, reason,
            FigureSet(sample, audited, _ => false, "initial", valid, names),
            FigureSet(sample, audited, disputes.IsReversed, "final (adjudicated)", valid, names));
    }

    private static AuditFigureSet FigureSet(AuditSample sample, List<EncounterComparison> audited, Func<string, bool> reversed, string basis, bool valid, AuditNames? names)
    {
        var plan = sample.Plan;
        var correct = 0;
        int itemsRight = 0, items = 0;
        decimal misstated = 0m, auditorDollars = 0m, under = 0m, over = 0m;
        var components = Enum.GetValues<AuditComponent>().ToDictionary(c => c, _ => 0);
        var categories = Enum.GetValues<ErrorCategory>().ToDictionary(c => c, _ => 0);
        var byCoder = new SortedDictionary<string, (int Right, int N)>(StringComparer.Ordinal);
        var byPhysician = new SortedDictionary<string, (int Right, int N)>(StringComparer.Ordinal);
        foreach (var c in audited)
        {
            var standing = c.Findings.Where(f => !reversed(f.Id)).ToList();
            var right = standing.Count == 0;
            correct += right ? 1 : 0;
            var wrongItems = standing.Select(f => f.Item).ToHashSet(StringComparer.Ordinal);
            items += c.Items.Count;
            itemsRight += c.Items.Count(i => !wrongItems.Contains(i));
            foreach (var component in components.Keys.ToList())
            {
                components[component] += standing.Any(f => f.Component == component) ? 0 : 1;
            }

            foreach (var f in standing)
            {
                categories[f.Category]++;
            }

            // Dollars count the standing findings' RVU deltas: a reversed finding's difference is accepted.
            var delta = standing.Sum(f => f.RvuDelta) * c.ConversionFactor;
            misstated += Math.Abs(delta);
            auditorDollars += (c.VendorRvu + standing.Sum(f => f.RvuDelta)) * c.ConversionFactor;
            under += delta > 0 ? delta : 0m;
            over += delta < 0 ? -delta : 0m;

            var member = sample.Find(c.EncounterId)!.Member;
            Tally(byCoder, member.CoderId is { } coder ? (names is null ? coder.ToString("D") : names.Coder(coder)) : ImportedClaims, right);
            Tally(byPhysician, member.Physician.Value, right);
        }

        var accuracy = Proportion.Wilson(correct, audited.Count);
        var (verdict, statement) = Floor(accuracy, plan.Floor, plan.Kind);
        var net = Math.Round(under - over, 2);
        var projection = valid
            ? (ProjectedNet: (decimal?)Math.Round(audited.Count == 0 ? 0m : (under - over) / audited.Count * sample.FrameSize, 2),
               Why: FormattableString.Invariant($"projected to the frame of {sample.FrameSize} encounters: net per audited encounter × {sample.FrameSize}"))
            : (ProjectedNet: null, Why: "no projection to the population: " + sample.Validity(audited.Count).Reason);
        return new AuditFigureSet(
            basis,
            plan.Kind == AuditKind.Internal ? "internal" : "independent",
            accuracy,
            Proportion.Wilson(itemsRight, items),
            auditorDollars == 0m ? (misstated == 0m ? 1.0 : 0.0) : Math.Max(0.0, 1.0 - (double)(misstated / auditorDollars)),
            [.. components.Select(kv => new GroupAccuracy(kv.Key.ToString(), Proportion.Wilson(kv.Value, audited.Count)))],
            categories,
            [.. byCoder.Select(kv => new GroupAccuracy(kv.Key, Proportion.Wilson(kv.Value.Right, kv.Value.N)))],
            [.. byPhysician.Select(kv => new GroupAccuracy(kv.Key, Proportion.Wilson(kv.Value.Right, kv.Value.N)))],
            verdict,
            statement,
            new DollarImpact(Math.Round(under, 2), Math.Round(over, 2), net, projection.ProjectedNet, projection.Why));
    }

    /// <summary>
    /// What the interval supports: the floor is demonstrated when the lower bound reaches it, missed
    /// when the upper bound is below it, and otherwise not demonstrated either way.
    /// </summary>
    public static (FloorVerdict Verdict, string Statement) Floor(Proportion accuracy, decimal floor, AuditKind kind = AuditKind.Independent)
    {
        var f = (double)floor;
        var label = kind == AuditKind.Internal ? "internal audit: " : string.Empty;
        var floorText = string.Create(CultureInfo.InvariantCulture, $"{floor * 100m:0.##}%");
        if (accuracy.Trials == 0)
        {
            return (FloorVerdict.NotDemonstrated, $"{label}no encounter audited yet: the {floorText} floor is not demonstrated");
        }

        if (accuracy.Lower >= f)
        {
            return (FloorVerdict.Demonstrated, $"{label}point estimate {Percent(accuracy.Point)}, lower bound {Percent(accuracy.Lower)}: the {floorText} floor is demonstrated");
        }

        if (accuracy.Upper < f)
        {
            return (FloorVerdict.Missed, $"{label}point estimate {Percent(accuracy.Point)}, upper bound {Percent(accuracy.Upper)} below the floor: the {floorText} floor is missed");
        }

        return (FloorVerdict.NotDemonstrated, $"{label}point estimate {Percent(accuracy.Point)}, lower bound {Percent(accuracy.Lower)}: the {floorText} floor is not demonstrated");
    }

    /// <summary>A share as people read it, with one decimal (95.3%).</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    private static void Tally(SortedDictionary<string, (int Right, int N)> groups, string key, bool right)
    {
        var (r, n) = groups.GetValueOrDefault(key);
        groups[key] = (r + (right ? 1 : 0), n + 1);
    }
}
