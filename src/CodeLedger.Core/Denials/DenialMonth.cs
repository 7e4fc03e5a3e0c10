using CodeLedger.Core.Common;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Denials;

/// <summary>
/// Computes <see cref="DenialMonthReport"/> from claim histories: one calculation for the stored
/// tables and for the replayed ledger (as <c>SlaCalculator</c> is for turnaround), so the two can
/// only differ by their inputs. The definitions are in docs/REMITTANCE.md, "Figures".
/// </summary>
public static class DenialMonth
{
    public static DenialMonthReport Compute(string practice, SlaMonth month, IEnumerable<ClaimHistory> claims, DenialRules rules, DateOnly? asOf = null)
    {
        if (string.IsNullOrWhiteSpace(practice))
        {
            throw new DomainException(DenialErrors.FiguresInvalid, "the practice is required");
        }

        var day = asOf ?? month.Last;
        if (day < month.First)
        {
            throw new DomainException(DenialErrors.FiguresInvalid, $"the AR date {day:yyyy-MM-dd} is before the month {month} begins");
        }

        bool InMonth(DateOnly d) => d >= month.First && d <= month.Last;
        var mine = claims.Where(c => c.Practice == practice).ToList();

        int adjudicated = 0, denied = 0, duplicates = 0, submitted = 0, clean = 0, firstAdjudicated = 0, firstPass = 0;
        decimal adjudicatedCharges = 0, deniedDollars = 0, duplicateDollars = 0;
        var byCause = new Dictionary<string, (HashSet<string> Claims, decimal Dollars)>(StringComparer.Ordinal);
        var byCarc = new Dictionary<string, (HashSet<string> Claims, decimal Dollars)>(StringComparer.Ordinal);
        var byRarc = new Dictionary<string, (HashSet<string> Claims, decimal Dollars)>(StringComparer.Ordinal);
        var fromService = new List<int>();
        var fromSubmission = new List<int>();
        var aging = new SortedDictionary<string, decimal[]>(StringComparer.Ordinal);
        var agingClaims = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var claim in mine)
        {
            if (InMonth(claim.FirstSubmitted))
            {
                submitted++;
                clean += claim.AcceptedOnFirstAcknowledgment ? 1 : 0;
            }

            var ordered = claim.Postings.OrderBy(p => p.PostedOn).ToList();
            var adjudications = ordered.Where(p => !p.Posting.IsReversal).ToList();
            var thisMonth = adjudications.Where(p => InMonth(p.PostedOn)).ToList();
            if (thisMonth.Count > 0)
            {
                var findings = thisMonth.Select(p => DenialFinding.Of(p.Posting, rules)).OfType<DenialFinding>().ToList();
                var adjustments = findings.SelectMany(f => f.Adjustments).ToList();
                var real = adjustments.Where(a => a.RootCause != DenialRootCause.Duplicate).ToList();
                var duplicateOnly = findings.Count > 0 && findings.All(f => f.RootCause == DenialRootCause.Duplicate);
                if (duplicateOnly)
                {
                    // A duplicate denial answers a claim sent twice, not a claim that was wrong:
                    // counted apart and left out of the rate's numerator and denominator alike.
                    duplicates++;
                    duplicateDollars += adjustments.Sum(a => a.Amount);
                }
                else
                {
                    adjudicated++;
                    adjudicatedCharges += claim.Charge;
                    var claimDenied = findings.Any(f => f.RootCause != DenialRootCause.Duplicate);
                    if (claimDenied)
                    {
                        denied++;
                        deniedDollars += real.Sum(a => a.Amount) + findings.Where(f => f.Adjustments.Count == 0).Sum(f => f.Amount);
                        var main = findings.Where(f => f.RootCause != DenialRootCause.Duplicate).MaxBy(f => f.Amount)!;
                        Add(byCause, main.RootCause.ToString(), claim.ClaimId, 0);
                        foreach (var f in findings.Where(f => f.RootCause != DenialRootCause.Duplicate))
                        {
                            foreach (var a in f.Adjustments.Where(a => a.RootCause != DenialRootCause.Duplicate))
                            {
                                Add(byCause, a.RootCause.ToString(), null, a.Amount);
                            }

                            if (f.Adjustments.Count == 0)
                            {
                                Add(byCause, f.RootCause.ToString(), null, f.Amount);
                            }
                        }

                        foreach (var a in real)
                        {
                            Add(byCarc, a.Carc, claim.ClaimId, a.Amount);
                            foreach (var rarc in a.Rarcs.Distinct(StringComparer.Ordinal))
                            {
                                Add(byRarc, rarc, claim.ClaimId, a.Amount);
                            }
                        }
                    }
                }
            }

            if (adjudications.Count > 0 && InMonth(adjudications[0].PostedOn))
            {
                firstAdjudicated++;
                if (claim.Submissions == 1 && DenialFinding.Of(adjudications[0].Posting, rules) is null)
                {
                    firstPass++;
                }
            }

            var firstPaid = adjudications.FirstOrDefault(p => p.Posting.Paid > 0);
            if (firstPaid is not null && InMonth(firstPaid.PostedOn))
            {
                fromService.Add(firstPaid.PostedOn.DayNumber - claim.ServiceDate.DayNumber);
                fromSubmission.Add(firstPaid.PostedOn.DayNumber - claim.FirstSubmitted.DayNumber);
            }

            if (claim.FirstSubmitted <= day)
            {
                var open = claim.Charge - ordered.Where(p => p.PostedOn <= day).Sum(p => p.Posting.Paid + p.Posting.AdjustmentTotal);
                if (open != 0)
                {
                    if (!aging.TryGetValue(claim.PayerId, out var buckets))
                    {
                        aging[claim.PayerId] = buckets = new decimal[5];
                    }

                    buckets[Bucket(day.DayNumber - claim.FirstSubmitted.DayNumber)] += open;
                    agingClaims[claim.PayerId] = agingClaims.GetValueOrDefault(claim.PayerId) + 1;
                }
            }
        }

        return new DenialMonthReport(practice, month.ToString(), day, adjudicated, adjudicatedCharges, denied, deniedDollars,
            Rate(denied, adjudicated), adjudicatedCharges == 0 ? null : Round(deniedDollars / adjudicatedCharges),
            Counts(byCause), Counts(byCarc), Counts(byRarc), duplicates, duplicateDollars,
            submitted, clean, Rate(clean, submitted), firstAdjudicated, firstPass, Rate(firstPass, firstAdjudicated),
            Days(fromService), Days(fromSubmission),
            [.. aging.Select(a => new AgingRow(a.Key, a.Value[0], a.Value[1], a.Value[2], a.Value[3], a.Value[4], agingClaims[a.Key]))]);
    }

    /// <summary>0–30, 31–60, 61–90, 91–120, over 120 days since first submission.</summary>
    public static int Bucket(int days) => days switch
    {
        <= 30 => 0,
        <= 60 => 1,
        <= 90 => 2,
        <= 120 => 3,
        _ => 4,
    };

    private static void Add(Dictionary<string, (HashSet<string> Claims, decimal Dollars)> map, string key, string? claimId, decimal amount)
    {
        if (!map.TryGetValue(key, out var entry))
        {
            entry = ([], 0);
        }

        if (claimId is not null)
        {
            entry.Claims.Add(claimId);
        }

        map[key] = (entry.Claims, entry.Dollars + amount);
    }

    private static DenialCount[] Counts(Dictionary<string, (HashSet<string> Claims, decimal Dollars)> map) =>
        [.. map.Select(m => new DenialCount(m.Key, m.Value.Claims.Count, m.Value.Dollars)).OrderByDescending(c => c.Dollars).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Round((decimal)part / whole);

    private static decimal Round(decimal value) => decimal.Round(value, 6, MidpointRounding.ToEven);

    private static DaysToPayment Days(List<int> days)
    {
        if (days.Count == 0)
        {
            return new DaysToPayment(0, null, null);
        }

        days.Sort();
        var mid = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2m;
        return new DaysToPayment(days.Count, Round((decimal)days.Sum() / days.Count), median);
    }
}
