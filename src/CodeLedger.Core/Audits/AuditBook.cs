using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Audits;

/// <summary>
/// The RVUs and conversion factor one comparison used, frozen when the auditor's coding was recorded
/// (docs/AUDIT.md, "Commands and API"): the stored report and the replayed report price from the
/// same numbers, and a later RVU release does not change an audit already recorded. Keyed by the
/// code and its modifiers as the comparer asks for them.
/// </summary>
public sealed class SnapshotPricing(IReadOnlyDictionary<string, decimal?> prices, decimal conversionFactor) : IAuditPricing
{
    public decimal? Rvu(ProcedureCode code, IReadOnlyList<Modifier> modifiers, DateOnly dateOfService) =>
        prices.TryGetValue(modifiers.Count == 0 ? code.Value : Key(code.Value, modifiers.Select(m => m.Value)), out var rvu) ? rvu : null;

    public decimal ConversionFactor(DateOnly dateOfService) => conversionFactor;

    /// <summary>The snapshot's key: the code, then its modifiers in order, e.g. "99214" or "93000|26".</summary>
    public static string Key(string code, IEnumerable<string> modifiers) => string.Join("|", [code, .. modifiers]);
}

/// <summary>Asks <paramref name="inner"/> and keeps every answer, so a comparison's prices can be stored with it.</summary>
public sealed class RecordingPricing(IAuditPricing inner) : IAuditPricing
{
    private readonly SortedDictionary<string, (string Code, IReadOnlyList<string> Modifiers, decimal? Rvu)> asked = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Code, IReadOnlyList<string> Modifiers, decimal? Rvu)> Asked => [.. asked.Values];

    public decimal? Rvu(ProcedureCode code, IReadOnlyList<Modifier> modifiers, DateOnly dateOfService)
    {
        var rvu = inner.Rvu(code, modifiers, dateOfService);
        var mods = modifiers.Select(m => m.Value).ToList();
        asked[SnapshotPricing.Key(code.Value, mods)] = (code.Value, mods, rvu);
        return rvu;
    }

    public decimal ConversionFactor(DateOnly dateOfService) => inner.ConversionFactor(dateOfService);
}

/// <summary>One recorded re-coding with what its comparison is computed from.</summary>
public sealed record RecordedAuditCoding(Guid EncounterId, CodingSubmission Vendor, CodingSubmission Auditor, IReadOnlyDictionary<string, decimal?> Prices, decimal ConversionFactor);

/// <summary>
/// An audit as recorded, from the tables or from replayed events: the sample, the codings, the
/// rebuttals and adjudications. <see cref="Report"/> is the one function both the <c>audit report</c>
/// command and <c>ledger replay --report audit</c> call, so the two reports are the same bytes.
/// </summary>
public static class AuditBook
{
    /// <summary>
    /// Every encounter's comparison, in sample order (findings are computed, never stored). Each
    /// comparison depends on its own encounter's codings only, so a large audit is compared on all
    /// cores (docs/PERFORMANCE.md, "Audits"); the list is the same in any split, and when comparisons
    /// fail, the one of the earliest sampled encounter is thrown, as a sequential loop would.
    /// </summary>
    public static IReadOnlyList<EncounterComparison> Compare(AuditSample sample, IEnumerable<RecordedAuditCoding> codings)
    {
        var ordered = codings.Where(c => sample.Contains(c.EncounterId))
            .Select(c => (Coding: c, Member: sample.Find(c.EncounterId)!))
            .OrderBy(c => c.Member.Position)
            .ToArray();
        var comparisons = new EncounterComparison[ordered.Length];
        if (ordered.Length < ParallelFrom)
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                comparisons[i] = CompareOne(ordered[i].Coding, ordered[i].Member);
            }

            return comparisons;
        }

        var failures = new ExceptionDispatchInfo?[ordered.Length];
        Parallel.ForEach(Partitioner.Create(0, ordered.Length, 256), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                try
                {
                    comparisons[i] = CompareOne(ordered[i].Coding, ordered[i].Member);
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                    return;
                }
            }
        });
        Array.Find(failures, f => f is not null)?.Throw();
        return comparisons;
    }

    /// <summary>Below this many codings the comparisons run on the calling thread: starting the workers would cost more than it saves.</summary>
    private const int ParallelFrom = 512;

    private static EncounterComparison CompareOne(RecordedAuditCoding c, SampledMember member) =>
        AuditComparer.Compare(c.EncounterId, member.Member.DateOfService, c.Vendor, c.Auditor, new SnapshotPricing(c.Prices, c.ConversionFactor));

    /// <summary>The disputes rebuilt by applying the stored rebuttals, then the adjudications (each names a rebutted finding), in order.</summary>
    public static AuditDisputes Disputes(string adjudicator, IReadOnlyList<EncounterComparison> comparisons, IEnumerable<Rebuttal> rebuttals, IEnumerable<Adjudication> adjudications)
    {
        var ids = FindingIds(comparisons);
        var disputes = new AuditDisputes(adjudicator);
        foreach (var r in rebuttals.OrderBy(r => r.At).ThenBy(r => r.FindingId, StringComparer.Ordinal))
        {
            disputes.Rebut(ids, r);
        }

        foreach (var a in adjudications.OrderBy(a => a.At).ThenBy(a => a.FindingId, StringComparer.Ordinal))
        {
            disputes.Adjudicate(ids, a);
        }

        return disputes;
    }

    public static IReadOnlySet<string> FindingIds(IReadOnlyList<EncounterComparison> comparisons) =>
        comparisons.SelectMany(c => c.Findings).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

    public static AuditReport Report(AuditSample sample, AuditNames names, string adjudicator, IEnumerable<RecordedAuditCoding> codings, IEnumerable<Rebuttal> rebuttals, IEnumerable<Adjudication> adjudications)
    {
        var comparisons = Compare(sample, codings);
        return AuditReport.Create(sample, comparisons, Disputes(adjudicator, comparisons, rebuttals, adjudications), names);
    }

    /// <summary>The plan's kind, stratification and outcome words as the events and tables spell them.</summary>
    public static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string word) where T : struct, Enum => Enum.Parse<T>(word, ignoreCase: true);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
