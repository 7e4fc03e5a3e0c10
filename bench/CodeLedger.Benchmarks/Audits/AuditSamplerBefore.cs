using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// <see cref="AuditSampler"/> as it was before issue 17's performance round (commit 205f677), kept
/// only so <c>audit-ab sample</c> can time it beside the current sampler in one process.
/// </summary>
internal static class AuditSamplerBefore
{
    private const string AllStratum = AuditSampler.AllStratum;

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
        return AuditSample.Restore(plan, frame.Length, strata, sampled, required);
    }

    /// <summary>
    /// Proportional allocation by largest remainder (Hamilton): each stratum gets the whole part of
    /// n·N_h/N, and the seats left go one each to the largest remainders, ties to the larger stratum,
    /// then to the earlier stratum name (ordinal). Exact in integers, and it never gives a stratum
    /// more than it has.
    /// </summary>
    private static int[] LargestRemainder(IReadOnlyList<int> strata, int n)
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
    /// only, so the result does not depend on the split. One <see cref="IncrementalHash"/> per range,
    /// reset after each digest, rather than the one-shot <c>SHA256.HashData</c>: on Linux the
    /// one-shot creates and frees an OpenSSL digest context per call, which for a million short
    /// inputs cost about a quarter of the hashing CPU time (docs/PERFORMANCE.md, "Audit sampling").
    /// </summary>
    private static Keyed[] Hash(List<AuditPopulationMember> members, string seed)
    {
        var keyed = new Keyed[members.Count];
        var seedBytes = Encoding.UTF8.GetBytes(seed + "\n");
        Parallel.ForEach(Partitioner.Create(0, members.Count, 16_384), range =>
        {
            var buffer = new byte[seedBytes.Length + (AuditPopulationMember.MaxKeyLength * 3)];
            seedBytes.CopyTo(buffer, 0);
            Span<byte> digest = stackalloc byte[32];
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var member = members[i];
                var length = seedBytes.Length + Encoding.UTF8.GetBytes(member.EncounterKey, 0, member.EncounterKey.Length, buffer, seedBytes.Length);
                sha.AppendData(buffer, 0, length);
                sha.GetHashAndReset(digest);
                keyed[i] = new Keyed(DrawKey.From(digest), member);
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

    /// <summary>The 32 digest bytes as four big-endian words: comparing them compares the bytes.</summary>
    private readonly record struct DrawKey(ulong A, ulong B, ulong C, ulong D) : IComparable<DrawKey>
    {
        public static DrawKey From(ReadOnlySpan<byte> digest) => new(
            BinaryPrimitives.ReadUInt64BigEndian(digest),
            BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));

        public int CompareTo(DrawKey other)
        {
            var c = A.CompareTo(other.A);
            c = c != 0 ? c : B.CompareTo(other.B);
            c = c != 0 ? c : C.CompareTo(other.C);
            return c != 0 ? c : D.CompareTo(other.D);
        }
    }
}
