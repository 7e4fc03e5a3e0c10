using System.Text;
using CodeLedger.Core.Ledger;

namespace CodeLedger.Core.Tests.Ledger;

public class LedgerExportTests
{
    private static List<LedgerEntry> Chain(int count)
    {
        var entries = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        var start = new DateTimeOffset(2026, 10, 1, 13, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            var instant = start.AddMinutes(i);
            var payload = $"{{\"n\":{i},\"note\":\"é ünïcode \\\"quoted\\\"\"}}";
            var hash = LedgerHash.Compute(i, instant, "coder:jdoe", "coding.submitted", $"EHR-{i}", payload, previous);
            entries.Add(new LedgerEntry(i, instant, "coder:jdoe", "coding.submitted", $"EHR-{i}", payload, previous, hash));
            previous = hash;
        }

        return entries;
    }

    private static string[] ExportLines(IEnumerable<LedgerEntry> entries)
    {
        using var stream = new MemoryStream();
        LedgerExport.Write(stream, entries);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static LedgerVerification Verify(IEnumerable<string> lines) => LedgerExport.Verify(new StringReader(string.Join('\n', lines) + "\n"));

    [Fact]
    public void Intact_export_verifies_and_reports_the_event_count()
    {
        var result = Verify(ExportLines(Chain(8)));
        Assert.True(result.IsIntact);
        Assert.Equal(8, result.EventCount);
    }

    [Fact]
    public void Export_round_trips_every_field()
    {
        var chain = Chain(3);
        var lines = ExportLines(chain);
        Assert.True(LedgerExport.TryParseLine(lines[1], out var parsed, out _));
        Assert.Equal(chain[1], parsed);
    }

    [Fact]
    public void Changed_payload_is_detected_at_its_sequence_and_line()
    {
        var lines = ExportLines(Chain(8));
        lines[4] = lines[4].Replace("\\\"n\\\":5", "\\\"n\\\":50", StringComparison.Ordinal);
        var result = Verify(lines);
        Assert.Equal((5L, 5L), (result.FailedSequence, result.FailedLine));
    }

    [Fact]
    public void Deleted_event_is_detected_at_the_missing_sequence()
    {
        var lines = ExportLines(Chain(8)).ToList();
        lines.RemoveAt(4);
        Assert.Equal(5L, Verify(lines).FailedSequence);
    }

    [Fact]
    public void Inserted_event_is_detected_where_it_was_inserted()
    {
        var chain = Chain(8);
        var forged = chain[4] with { Actor = "intruder", Hash = new string('f', 64) };
        var renumbered = chain.Take(4).Append(forged).Concat(chain.Skip(4).Select(e => e with { Sequence = e.Sequence + 1 }));
        Assert.Equal(5L, Verify(ExportLines(renumbered)).FailedSequence);
    }

    [Fact]
    public void Well_forged_insertion_still_breaks_the_link_of_the_next_event()
    {
        // A forger who recomputes the inserted event's hash still cannot make the original next
        // event link to it without rewriting the rest of the chain, which moves the head hash.
        var chain = Chain(8);
        var previous = chain[3].Hash;
        var instant = chain[3].Instant.AddSeconds(1);
        var hash = LedgerHash.Compute(5, instant, "intruder", "coding.submitted", "EHR-X", "{}", previous);
        var forged = new LedgerEntry(5, instant, "intruder", "coding.submitted", "EHR-X", "{}", previous, hash);
        var renumbered = chain.Take(4).Append(forged).Concat(chain.Skip(4).Select(e => e with { Sequence = e.Sequence + 1 }));
        Assert.Equal(6L, Verify(ExportLines(renumbered)).FailedSequence);
    }

    [Fact]
    public void Swapped_events_are_detected_at_the_first_of_them()
    {
        var lines = ExportLines(Chain(8));
        (lines[4], lines[5]) = (lines[5], lines[4]);
        Assert.Equal(5L, Verify(lines).FailedSequence);
    }

    [Fact]
    public void Truncated_line_is_named()
    {
        var lines = ExportLines(Chain(8));
        lines[6] = lines[6][..40];
        var result = Verify(lines);
        Assert.False(result.IsIntact);
        Assert.Equal(7L, result.FailedLine);
        Assert.Contains("line 7", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_matches_the_documented_canonical_form()
    {
        // docs/LEDGER.md: eight length-prefixed UTF-8 fields, each "{length}:{bytes}\n".
        var canonical = "20:codeledger-ledger-v1\n1:1\n27:2026-10-01T13:00:00.000000Z\n1:a\n1:t\n1:s\n2:{}\n64:" + LedgerHash.Genesis + "\n";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, LedgerHash.Compute(1, new DateTimeOffset(2026, 10, 1, 13, 0, 0, TimeSpan.Zero), "a", "t", "s", "{}", LedgerHash.Genesis));
    }
}
