using System.Buffers.Binary;
using System.Security.Cryptography;
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
/// listed in ascending draw key. docs/AUDIT.md has the same in 12 lines of Python.
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
        var frame = new List<Keyed>(population.Count);
        var seedBytes = Encoding.UTF8.GetBytes(plan.Seed + "\n");
        var buffer = new byte[seedBytes.Length + (AuditPopulationMember.MaxKeyLength * 3)];
        seedBytes.CopyTo(buffer, 0);
        Span<byte> digest = stackalloc byte[32];
        foreach (var member in population)
        {
            if (!seen.Add(member.EncounterId))
            {
                throw new DomainException(AuditErrors.PopulationInvalid, $"encounter {member.EncounterId} is in the population twice");
            }

            if (member.DateOfService < plan.From || member.DateOfService > plan.To || (plan.Specialty is { } s && !string.Equals(member.Specialty, s, StringComparison.Ordinal)))
            {
                continue;
            }

            var length = seedBytes.Length + Encoding.UTF8.GetBytes(member.EncounterKey, 0, member.EncounterKey.Length, buffer, seedBytes.Length);
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            frame.Add(new Keyed(DrawKey.From(digest), member));
        }

        if (frame.Count == 0)
        {
            throw new DomainException(AuditErrors.PopulationEmpty,
                FormattableString.Invariant($"no encounter of the practice has a date of service from {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd}{(plan.Specialty is null ? string.Empty : " in specialty " + plan.Specialty)}"));
        }

        var groups = frame.GroupBy(k => StratumOf(k.Member, plan.Stratification), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Members: g.ToList()))
            .ToList();
        var required = SampleSize.Required(plan.Margin, plan.ExpectedAccuracy, frame.Count);
        var total = plan.FixedSize ?? (plan.SizeFromMargin ? required : 0);
        var allocation = plan.Allocation == AuditAllocation.Equal
            ? groups.Select(g => Math.Min(plan.PerStratum!.Value, g.Members.Count)).ToArray()
            : LargestRemainder(groups.Select(g => g.Members.Count).ToArray(), Math.Min(total, frame.Count));

        var chosen = new List<(Keyed Keyed, string Stratum, int Rank)>();
        var strata = new List<AuditStratum>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var (name, members) = groups[i];
            members.Sort();
            for (var r = 0; r < allocation[i]; r++)
            {
                chosen.Add((members[r], name, r + 1));
            }

            strata.Add(new AuditStratum(name, members.Count, allocation[i]));
        }

        chosen.Sort((a, b) => a.Keyed.CompareTo(b.Keyed));
        var sampled = chosen.Select((c, i) => new SampledMember(c.Keyed.Member, c.Stratum, i + 1, c.Rank)).ToList();
        return new AuditSample(plan, frame.Count, strata, sampled, required);
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
