using System.Collections;
using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tests.Audits;

/// <summary>
/// AuditBook.Compare compares a large audit on all cores: the list must be the one a plain loop over
/// the sample gives, and a failure must be the earliest encounter's, whatever the threads did.
/// </summary>
public sealed class AuditBookTests
{
    private const string Right = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";
    private const string Over = """{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99214", "modifiers": ["25"], "charge": "100.00", "pointers": [1]}]}""";

    private static readonly Dictionary<string, decimal?> Prices = new(StringComparer.Ordinal) { ["99213"] = 2.66m, ["99214|25"] = 3.76m };

    [Fact]
    public void A_large_audit_compared_in_parallel_lists_the_comparisons_a_sequential_loop_gives_in_sample_order()
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(3_000), AuditFixtures.Plan(size: 2_000));
        var codings = Codings(sample);

        var compared = AuditBook.Compare(sample, codings.AsEnumerable().Reverse());

        var expected = sample.Members.Select(m => AuditComparer.Compare(m.Member.EncounterId, m.Member.DateOfService, codings[m.Position - 1].Vendor,
            codings[m.Position - 1].Auditor, new SnapshotPricing(Prices, 33.4009m))).ToList();
        Assert.Equal(expected.Count, compared.Count);
        Assert.Equal(expected.Select(Signature), compared.Select(Signature));
        Assert.Equal(100, compared.Count(c => !c.IsCorrect));
    }

    [Fact]
    public void When_comparisons_fail_the_earliest_sampled_encounter_s_failure_is_thrown()
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(3_000), AuditFixtures.Plan(size: 2_000));
        var codings = Codings(sample);
        foreach (var position in new[] { 1_900, 700, 1_300 })
        {
            var c = codings[position - 1];
            codings[position - 1] = c with { Prices = new Refusing(position) };
        }

        for (var run = 0; run < 5; run++)
        {
            var thrown = Assert.Throws<DomainException>(() => AuditBook.Compare(sample, codings));
            Assert.Equal("price of position 700 refused", thrown.Message);
        }
    }

    /// <summary>Every coding right, but every twentieth vendor coding over-coded by one level with modifier 25, in sample order.</summary>
    private static List<RecordedAuditCoding> Codings(AuditSample sample) =>
        [.. sample.Members.Select(m => new RecordedAuditCoding(m.Member.EncounterId, AuditFixtures.Coding(m.Position % 20 == 0 ? Over : Right), AuditFixtures.Coding(Right), Prices, 33.4009m))];

    private static string Signature(EncounterComparison c) =>
        $"{c.EncounterId}|{c.VendorRvu}|{c.AuditorRvu}|{c.ConversionFactor}|{string.Join(",", c.Items)}|{string.Join(",", c.Findings.Select(f => $"{f.Id}:{f.Category}:{f.RvuDelta}:{f.Detail}"))}";

    /// <summary>A price snapshot whose every lookup fails, naming its sample position.</summary>
    private sealed class Refusing(int position) : IReadOnlyDictionary<string, decimal?>
    {
        public decimal? this[string key] => throw Refused();

        public IEnumerable<string> Keys => throw Refused();

        public IEnumerable<decimal?> Values => throw Refused();

        public int Count => throw Refused();

        public bool ContainsKey(string key) => throw Refused();

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out decimal? value) => throw Refused();

        public IEnumerator<KeyValuePair<string, decimal?>> GetEnumerator() => throw Refused();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private DomainException Refused() => new(AuditErrors.NotPriced, $"price of position {position} refused");
    }
}
