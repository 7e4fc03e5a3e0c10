using CodeLedger.Core.Ledger;

namespace CodeLedger.Core.Tests.Ledger.Checkpoints;

/// <summary>Small hash-chained ledgers for the checkpoint tests, and the forger's tools: cut the head, rewrite and re-chain.</summary>
internal static class Ledgers
{
    private static readonly string[] Types = ["organization.registered", "encounter.received", "coding.submitted", "encounter.finalized"];

    public static readonly DateTimeOffset Start = new(2026, 10, 1, 13, 0, 0, TimeSpan.Zero);

    public static List<LedgerEntry> Chain(int count) => Rechain([.. Enumerable.Range(1, count).Select(i =>
        new LedgerEntry(i, Start.AddMinutes(i), "coder:jdoe", Types[i % Types.Length], $"EHR-{i}", $"{{\"n\":{i}}}", string.Empty, string.Empty))]);

    /// <summary>The entries with their previous hashes and hashes recomputed in order: what a forger with write access to the table can do.</summary>
    public static List<LedgerEntry> Rechain(IEnumerable<LedgerEntry> entries)
    {
        var result = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        foreach (var e in entries)
        {
            var linked = e with { PreviousHash = previous };
            linked = linked with { Hash = LedgerHash.Compute(linked) };
            result.Add(linked);
            previous = linked.Hash;
        }

        return result;
    }

    /// <summary>Event <paramref name="sequence"/> edited (its actor) and every hash from it on recomputed: a chain that verifies.</summary>
    public static List<LedgerEntry> RewrittenFrom(IReadOnlyList<LedgerEntry> entries, long sequence) =>
        Rechain(entries.Select(e => e.Sequence == sequence ? e with { Actor = e.Actor + "-forged" } : e));
}
