using System.Collections.Concurrent;
using System.Text;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>One stratum of the frame: its name (an NPI, a specialty, or "all"), how many encounters it has and how many were drawn.</summary>
public sealed record AuditStratum(string Name, int FrameCount, int Allocated);

/// <summary>A drawn encounter: its stratum, its position in the whole sample (1-based, in draw order) and its rank within the stratum.</summary>
public sealed record SampledMember(AuditPopulationMember Member, string Stratum, int Position, int StratumRank);

/// <summary>
/// The sample an audit drew: the plan, the frame it was drawn from (size and strata), the members in
/// draw order, and whether it is a statistically valid sample or a probe.
/// </summary>
public sealed class AuditSample
{
    private readonly Dictionary<Guid, SampledMember> byEncounter;

    internal AuditSample(AuditPlan plan, int frameSize, IReadOnlyList<AuditStratum> strata, IReadOnlyList<SampledMember> members, int requiredSize)
    {
        Plan = plan;
        FrameSize = frameSize;
        Strata = strata;
        Members = members;
        RequiredSize = requiredSize;
        byEncounter = members.ToDictionary(m => m.Member.EncounterId);
    }

    /// <summary>
    /// The sample as an engagement stored it (or its <c>audit.sampled</c> event carries it): the
    /// report is computed from what was drawn, not from a redraw over a population that has grown
    /// since. Positions must be 1..n in order and each encounter once.
    /// </summary>
    public static AuditSample Restore(AuditPlan plan, int frameSize, IReadOnlyList<AuditStratum> strata, IReadOnlyList<SampledMember> members, int requiredSize)
    {
        if (members.Select((m, i) => m.Position == i + 1).Any(ok => !ok) || members.Select(m => m.Member.EncounterId).Distinct().Count() != members.Count)
        {
            throw new DomainException(AuditErrors.PopulationInvalid, "a stored sample lists positions 1..n in order, each encounter once");
        }

        return new AuditSample(plan, frameSize, strata, members, requiredSize);
    }

    public AuditPlan Plan { get; }

    /// <summary>Encounters in the frame: the practice's encounters with a date of service in the plan's dates (and its specialty).</summary>
    public int FrameSize { get; }

    public IReadOnlyList<AuditStratum> Strata { get; }

    /// <summary>The sample in draw order (ascending SHA-256, docs/AUDIT.md).</summary>
    public IReadOnlyList<SampledMember> Members { get; }

    /// <summary>n the <see cref="SampleSize"/> calculator asks for the plan's margin and expected accuracy on this frame.</summary>
    public int RequiredSize { get; }

    public bool Contains(Guid encounterId) => byEncounter.ContainsKey(encounterId);

    public SampledMember? Find(Guid encounterId) => byEncounter.GetValueOrDefault(encounterId);

    /// <summary>Whether <paramref name="audited"/> audited encounters of this sample make a statistically valid sample, and why (or why not).</summary>
    public (bool Valid, string Reason) Validity(int audited) => SampleValidity.Judge(Plan, FrameSize, RequiredSize, audited);
}

/// <summary>
/// The rule that tells a statistically valid sample from a probe (docs/AUDIT.md, "Probe or sample"):
/// valid when at least the calculated n encounters were audited and the design is self-weighting
/// (unstratified, or proportional allocation), so the unweighted accuracy estimates the frame's.
/// </summary>
public static class SampleValidity
{
    public static (bool Valid, string Reason) Judge(AuditPlan plan, int frameSize, int requiredSize, int audited)
    {
        var precision = FormattableString.Invariant($"±{plan.Margin * 100m:0.##} points at 95% confidence for an expected accuracy of {plan.ExpectedAccuracy * 100m:0.##}% on a frame of {frameSize}");
        if (!plan.IsSelfWeighting)
        {
            return (false, $"probe: equal allocation gives each {plan.Stratification.ToString().ToLowerInvariant()} the same count, so the sample is not self-weighting and its figures describe the strata, not the frame");
        }

        return audited >= requiredSize
            ? (true, FormattableString.Invariant($"statistically valid sample: {audited} audited, at least the {requiredSize} needed for {precision}"))
            : (false, FormattableString.Invariant($"probe: {audited} audited, fewer than the {requiredSize} needed for {precision}"));
    }
}

/// <summary>
/// Draws an audit sample: a deterministic function of the plan's seed and the frame. Each encounter's
/// draw key is SHA-256 of the UTF-8 bytes of seed + "\n" + EncounterKey; within each stratum the
/// encounters with the smallest keys (compared as bytes; ties, which need the same key twice, by the
/// encounter id's lower-case text) are drawn, as many as the stratum's allocation. The sample is
/// listed in ascending draw key. docs/AUDIT.md has the same in 14 lines of Python.
/// </summary>
public static class AuditSampler
{
    /// <summary>The stratum name when the plan does not stratify.</summary>
    public const string AllStratum = "all";

    public static AuditSample Draw(IReadOnlyList<AuditPopulationMember> population, AuditPlan plan)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(plan);

        var seen = new HashSet<Guid>(population.Count);
        var members = new List<AuditPopulationMember>(population.Count);
        foreach (var member in population)
        {
            if (!seen.Add(member.EncounterId))
            {
                throw new DomainException(AuditErrors.PopulationInvalid, $"encounter {member.EncounterId} is in the population twice");
            }

            if (member.DateOfService >= plan.From && member.DateOfService <= plan.To && (plan.Specialty is not { } s || string.Equals(member.Specialty, s, StringComparison.Ordinal)))
            {
                members.Add(member);
            }
        }

        if (members.Count == 0)
        {
            throw new DomainException(AuditErrors.PopulationEmpty,
                FormattableString.Invariant($"no encounter of the practice has a date of service from {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd}{(plan.Specialty is null ? string.Empty : " in specialty " + plan.Specialty)}"));
        }

        var frame = Hash(members, plan.Seed);
        var groups = Group(frame, plan.Stratification);

        var required = SampleSize.Required(plan.Margin, plan.ExpectedAccuracy, frame.Length);
        var total = plan.FixedSize ?? (plan.SizeFromMargin ? required : 0);
        var counts = groups.Values.Select(g => g.Length).ToArray();
        var allocation = plan.Allocation == AuditAllocation.Equal
            ? counts.Select(c => Math.Min(plan.PerStratum!.Value, c)).ToArray()
            : LargestRemainder(counts, Math.Min(total, frame.Length));

        var chosen = new List<(Keyed Keyed, string Stratum, int Rank)>();
        var strata = new List<AuditStratum>(groups.Count);
        var index = 0;
        foreach (var (name, stratum) in groups)
        {
            var drawn = Smallest(stratum, allocation[index]);
            for (var r = 0; r < drawn.Count; r++)
            {
                chosen.Add((drawn[r], name, r + 1));
            }

            strata.Add(new AuditStratum(name, stratum.Length, allocation[index]));
            index++;
        }

        chosen.Sort((a, b) => a.Keyed.CompareTo(b.Keyed));
        var sampled = chosen.Select((c, i) => new SampledMember(c.Keyed.Member, c.Stratum, i + 1, c.Rank)).ToList();
        return new AuditSample(plan, frame.Length, strata, sampled, required);
    }

    /// <summary>
    /// Proportional allocation by largest remainder (Hamilton): each stratum gets the whole part of
    /// n·N_h/N, and the seats left go one each to the largest remainders, ties to the larger stratum,
    /// then to the earlier stratum name (ordinal). Exact in integers, and it never gives a stratum
    /// more than it has.
    /// </summary>
    public static int[] LargestRemainder(IReadOnlyList<int> strata, int n)
    {
        long total = strata.Sum(s => (long)s);
        var seats = new int[strata.Count];
        var remainders = new long[strata.Count];
        var given = 0;
        for (var i = 0; i < strata.Count; i++)
        {
            var quota = (long)n * strata[i];
            seats[i] = (int)(quota / total);
            remainders[i] = quota % total;
            given += seats[i];
        }

        foreach (var i in Enumerable.Range(0, strata.Count).OrderByDescending(i => remainders[i]).ThenByDescending(i => strata[i]).ThenBy(i => i).Take(n - given))
        {
            seats[i]++;
        }

        return seats;
    }

    /// <summary>
    /// The draw keys, computed in parallel: each member's key depends on the seed and its own key
    /// only, so the result does not depend on the split. SHA-256 in managed code
    /// (<see cref="Sha256Words"/>), not .NET's: on Linux that goes through OpenSSL, whose finalize and
    /// re-initialize per digest were three quarters of the draw's time for a million short inputs
    /// (docs/PERFORMANCE.md, "Audits").
    /// </summary>
    private static Keyed[] Hash(List<AuditPopulationMember> members, string seed)
    {
        var keyed = new Keyed[members.Count];
        var seedBytes = Encoding.UTF8.GetBytes(seed + "\n");
        Parallel.ForEach(Partitioner.Create(0, members.Count, 16_384), range =>
        {
            var buffer = new byte[seedBytes.Length + (AuditPopulationMember.MaxKeyLength * 3)];
            seedBytes.CopyTo(buffer, 0);
            Span<uint> words = stackalloc uint[8];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var member = members[i];
                var length = seedBytes.Length + Encoding.UTF8.GetBytes(member.EncounterKey, 0, member.EncounterKey.Length, buffer, seedBytes.Length);
                Sha256Words.Hash(buffer.AsSpan(0, length), words);
                keyed[i] = new Keyed(DrawKey.From(words), member);
            }
        });
        return keyed;
    }

    /// <summary>
    /// The frame split into strata, in ordinal order of their names. Unstratified, the frame is the
    /// one stratum as it is; stratified, the members are counted first and copied once into arrays
    /// of their stratum's exact size (a million 40-byte keys copied into growing lists cost more
    /// than the rest of the draw after hashing).
    /// </summary>
    private static SortedDictionary<string, Keyed[]> Group(Keyed[] frame, AuditStratification by)
    {
        var groups = new SortedDictionary<string, Keyed[]>(StringComparer.Ordinal);
        if (by == AuditStratification.None)
        {
            groups[AllStratum] = frame;
            return groups;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var strata = new int[frame.Length];
        for (var i = 0; i < frame.Length; i++)
        {
            var name = StratumOf(frame[i].Member, by);
            if (!index.TryGetValue(name, out var s))
            {
                index[name] = s = counts.Count;
                counts.Add(0);
            }

            strata[i] = s;
            counts[s]++;
        }

        var arrays = counts.Select(c => new Keyed[c]).ToArray();
        var filled = new int[arrays.Length];
        for (var i = 0; i < frame.Length; i++)
        {
            arrays[strata[i]][filled[strata[i]]++] = frame[i];
        }

        foreach (var (name, s) in index)
        {
            groups[name] = arrays[s];
        }

        return groups;
    }

    /// <summary>The <paramref name="n"/> smallest in order: a bounded max-heap, so a small sample of a large stratum is not a full sort.</summary>
    private static List<Keyed> Smallest(Keyed[] stratum, int n)
    {
        if (n >= stratum.Length)
        {
            var all = new List<Keyed>(stratum);
            all.Sort();
            return all;
        }

        var heap = new PriorityQueue<Keyed, Keyed>(n + 1, Comparer<Keyed>.Create((a, b) => b.CompareTo(a)));
        foreach (var k in stratum)
        {
            if (heap.Count < n)
            {
                heap.Enqueue(k, k);
            }
            else if (n > 0 && k.CompareTo(heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(k, k);
            }
        }

        var smallest = heap.UnorderedItems.Select(e => e.Element).ToList();
        smallest.Sort();
        return smallest;
    }

    private static string StratumOf(AuditPopulationMember member, AuditStratification by) => by switch
    {
        AuditStratification.Physician => member.Physician.Value,
        AuditStratification.Specialty => member.Specialty,
        _ => AllStratum,
    };

    /// <summary>A frame member with its draw key; ordered by key, then by the id's lower-case text.</summary>
    private readonly record struct Keyed(DrawKey Key, AuditPopulationMember Member) : IComparable<Keyed>
    {
        public int CompareTo(Keyed other)
        {
            var c = Key.CompareTo(other.Key);
            return c != 0 ? c : string.CompareOrdinal(Member.EncounterId.ToString("D"), other.Member.EncounterId.ToString("D"));
        }
    }

    /// <summary>The 32 digest bytes as four big-endian 64-bit words: comparing them compares the bytes.</summary>
    private readonly record struct DrawKey(ulong A, ulong B, ulong C, ulong D) : IComparable<DrawKey>
    {
        /// <summary>From the digest's eight big-endian 32-bit words, two to a key word.</summary>
        public static DrawKey From(ReadOnlySpan<uint> words) => new(
            ((ulong)words[0] << 32) | words[1],
            ((ulong)words[2] << 32) | words[3],
            ((ulong)words[4] << 32) | words[5],
            ((ulong)words[6] << 32) | words[7]);

        public int CompareTo(DrawKey other)
        {
            var c = A.CompareTo(other.A);
            c = c != 0 ? c : B.CompareTo(other.B);
            c = c != 0 ? c : C.CompareTo(other.C);
            return c != 0 ? c : D.CompareTo(other.D);
        }
    }
}
