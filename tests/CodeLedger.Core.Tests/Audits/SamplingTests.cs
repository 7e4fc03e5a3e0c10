using System.Diagnostics;
using System.Text;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Audits;

public class SamplingTests
{
    [Fact]
    public void A_fixed_seed_over_a_fixed_population_draws_the_documented_sample()
    {
        // Golden list, also in docs/AUDIT.md: seed "codeledger-audit-2026", ENC-0001..ENC-0030, n = 5.
        var sample = AuditSampler.Draw(AuditFixtures.Population(30), AuditFixtures.Plan(size: 5));

        Assert.Equal(["ENC-0009", "ENC-0022", "ENC-0013", "ENC-0015", "ENC-0026"], sample.Members.Select(m => m.Member.EncounterKey));
        Assert.Equal([1, 2, 3, 4, 5], sample.Members.Select(m => m.Position));
        Assert.All(sample.Members, m => Assert.Equal(AuditSampler.AllStratum, m.Stratum));
        Assert.Equal(30, sample.FrameSize);
    }

    [Fact]
    public void Another_seed_draws_another_sample()
    {
        var a = AuditSampler.Draw(AuditFixtures.Population(30), AuditFixtures.Plan(size: 5));
        var b = AuditSampler.Draw(AuditFixtures.Population(30), AuditFixtures.Plan(size: 5, seed: "codeledger-audit-2027"));

        Assert.NotEqual(a.Members.Select(m => m.Member.EncounterKey), b.Members.Select(m => m.Member.EncounterKey));
    }

    [Fact]
    public void The_documented_python_script_draws_the_same_sample()
    {
        var python = FindPython();
        Assert.SkipWhen(python is null, "python3 is not on the PATH: the script in docs/AUDIT.md cannot be run here");

        // Stratified by physician, proportional: the script takes the allocations the report prints.
        var plan = AuditFixtures.Plan(size: 11, stratification: AuditStratification.Physician, seed: "Q1 audit: dice 3 1 6 6");
        var population = AuditFixtures.Population(200, physicians: 4);
        var sample = AuditSampler.Draw(population, plan);

        var script = Path.Combine(Path.GetTempPath(), $"audit_sample_{Guid.NewGuid():N}.py");
        File.WriteAllText(script, DocumentedScript());
        try
        {
            var frame = new StringBuilder("encounter_key,encounter_id,stratum\n");
            foreach (var m in population)
            {
                frame.Append(m.EncounterKey).Append(',').Append(m.EncounterId.ToString("D").ToUpperInvariant()).Append(',').Append(m.Physician.Value).Append('\n');
            }

            var start = new ProcessStartInfo(python!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(plan.Seed);
            foreach (var s in sample.Strata)
            {
                start.ArgumentList.Add($"{s.Name}={s.Allocated}");
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Write(frame.ToString());
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);

            var expected = sample.Members.Select(m => $"{m.Position},{m.Stratum},{m.Member.EncounterKey}");
            Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Equal_allocation_gives_each_physician_k_or_all_they_have()
    {
        // Physician 0 has 2 encounters, 1 has 10, 2 has 28.
        var population = AuditFixtures.Population(40, physicianOf: i => i <= 2 ? 0 : i <= 12 ? 1 : 2);
        var plan = AuditFixtures.Plan(size: null, stratification: AuditStratification.Physician, allocation: AuditAllocation.Equal, perStratum: 5);

        var sample = AuditSampler.Draw(population, plan);

        Assert.Equal([2, 5, 5], sample.Strata.Select(s => s.Allocated));
        Assert.Equal([2, 10, 28], sample.Strata.Select(s => s.FrameCount));
        Assert.Equal(12, sample.Members.Count);
        Assert.False(sample.Validity(12).Valid);
        Assert.Contains("not self-weighting", sample.Validity(12).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Proportional_allocation_gives_the_leftover_seats_to_the_largest_remainders()
    {
        // n = 10 over strata of 50, 30 and 20 (N = 100): quotas 5, 3, 2 exactly.
        Assert.Equal([5, 3, 2], AuditSampler.LargestRemainder([50, 30, 20], 10));

        // n = 10 over 45, 35, 20: quotas 4.5, 3.5, 2.0 -> 4, 3, 2 and one seat left; the remainders tie
        // (0.5 each), so it goes to the larger stratum.
        Assert.Equal([5, 3, 2], AuditSampler.LargestRemainder([45, 35, 20], 10));

        // n = 7 over 6, 3, 1 (N = 10): quotas 4.2, 2.1, 0.7 -> 4, 2, 0; one seat left to the largest remainder (0.7).
        Assert.Equal([4, 2, 1], AuditSampler.LargestRemainder([6, 3, 1], 7));
    }

    [Fact]
    public void A_margin_plan_draws_the_calculated_n_from_the_frame()
    {
        var sample = AuditSampler.Draw(AuditFixtures.Population(500), AuditFixtures.Plan(size: null, margin: 0.05m, expected: 0.95m));

        Assert.Equal(64, sample.RequiredSize);
        Assert.Equal(64, sample.Members.Count);
        Assert.True(sample.Validity(64).Valid);
        Assert.False(sample.Validity(63).Valid);
    }

    [Fact]
    public void Only_the_plans_dates_and_specialty_make_the_frame()
    {
        var plan = AuditPlan.Create(AuditFixtures.Practice, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), "s", size: 100, specialty: "cardiology");
        var sample = AuditSampler.Draw(AuditFixtures.Population(100), plan);

        Assert.All(sample.Members, m => Assert.Equal("cardiology", m.Member.Specialty));
        Assert.All(sample.Members, m => Assert.InRange(m.Member.DateOfService, plan.From, plan.To));
        Assert.Equal(sample.FrameSize, sample.Members.Count);
    }

    [Fact]
    public void An_empty_frame_and_an_encounter_twice_are_refused()
    {
        var plan = AuditPlan.Create(AuditFixtures.Practice, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), "s", size: 5);
        Assert.Equal("AUDIT-POPULATION-EMPTY", Assert.Throws<DomainException>(() => AuditSampler.Draw(AuditFixtures.Population(10), plan)).Code);

        var twice = AuditFixtures.Population(3);
        twice.Add(twice[0]);
        Assert.Equal("AUDIT-POPULATION-INVALID", Assert.Throws<DomainException>(() => AuditSampler.Draw(twice, AuditFixtures.Plan())).Code);
        Assert.Equal("AUDIT-POPULATION-INVALID", Assert.Throws<DomainException>(() => new AuditPopulationMember(Guid.NewGuid(), "A\nB", AuditFixtures.Npi(1), "x", null, AuditFixtures.Dos)).Code);
    }

    [Theory]
    [InlineData(null, null, null, "--seed")]
    [InlineData("s", 0, null, "--size")]
    [InlineData("s", 5, 0.05, "exactly one of")]
    [InlineData("s", null, 0.7, "--margin")]
    [InlineData("bad\tseed", 5, null, "--seed")]
    public void A_bad_plan_is_refused_naming_the_option(string? seed, int? size, double? margin, string named)
    {
        var e = Assert.Throws<DomainException>(() => AuditPlan.Create(AuditFixtures.Practice, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), seed, size,
            margin is { } m ? (decimal)m : null, margin is null ? null : 0.95m));

        Assert.Equal("AUDIT-PLAN-INVALID", e.Code);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_in_the_wrong_order_and_a_floor_above_one_are_named()
    {
        var e = Assert.Throws<DomainException>(() => AuditPlan.Create(AuditFixtures.Practice, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), "s", 5, floor: 1.5m));

        Assert.Contains("--to", e.Message, StringComparison.Ordinal);
        Assert.Contains("--floor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_is_a_subset_of_the_planned_size_per_stratum_whatever_the_input_order()
    {
        var cases =
            from count in Gen.Choose(1, 300)
            from physicians in Gen.Choose(1, 6)
            from size in Gen.Choose(1, 60)
            from seed in Gen.Choose(0, 1_000_000)
            from shuffleSeed in Gen.Choose(0, 1_000_000)
            from stratified in Gen.Elements(AuditStratification.None, AuditStratification.Physician, AuditStratification.Specialty)
            select (count, physicians, size, seed, shuffleSeed, stratified);

        Properties.ForAll(cases, c =>
        {
            var population = AuditFixtures.Population(c.count, c.physicians);
            var plan = AuditFixtures.Plan(size: c.size, seed: $"seed-{c.seed}", stratification: c.stratified);
            var sample = AuditSampler.Draw(population, plan);
            var shuffled = population.AsEnumerable().Reverse().ToList();
            var again = AuditSampler.Draw(new Random(c.shuffleSeed).Shuffle(population), plan);

            var ids = population.Select(m => m.EncounterId).ToHashSet();
            Assert.All(sample.Members, m => Assert.Contains(m.Member.EncounterId, ids));
            Assert.Equal(sample.Members.Count, sample.Members.Select(m => m.Member.EncounterId).Distinct().Count());
            Assert.Equal(Math.Min(c.size, c.count), sample.Members.Count);
            foreach (var s in sample.Strata)
            {
                Assert.Equal(s.Allocated, sample.Members.Count(m => m.Stratum == s.Name));
                Assert.InRange(s.Allocated, 0, s.FrameCount);
            }

            Assert.Equal(sample.Members.Select(m => (m.Member.EncounterId, m.Position, m.Stratum)), again.Members.Select(m => (m.Member.EncounterId, m.Position, m.Stratum)));
            Assert.Equal(sample.Members.Select(m => m.Member.EncounterId), AuditSampler.Draw(shuffled, plan).Members.Select(m => m.Member.EncounterId));
        });
    }

    internal static string DocumentedScript()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "AUDIT.md"));
        var start = doc.IndexOf("```python\n", StringComparison.Ordinal) + "```python\n".Length;
        var end = doc.IndexOf("```", start, StringComparison.Ordinal);
        var script = doc[start..end];
        Assert.True(script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 20, "the documented script is at most 20 lines");
        return script;
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
}

internal static class RandomShuffle
{
    public static List<T> Shuffle<T>(this Random random, IReadOnlyList<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
