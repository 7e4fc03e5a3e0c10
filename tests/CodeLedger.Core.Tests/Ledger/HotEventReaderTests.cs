using System.Text;
using System.Text.Json;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// Replay reads the three hot event types with its own reader (HotEventReader) and everything else
/// with the serializer; the fold must see the same event either way. Every payload the ledger writes
/// is read back by the hot reader into the event the serializer gives; any payload it does not
/// recognise (another order is fine; a renamed, extra, duplicated or differently typed field, a
/// finding, trailing text) it leaves to the serializer, and whenever it does read one, the two agree.
/// </summary>
public sealed class HotEventReaderTests
{
    private static readonly string[] Codes = ["E119", "I10", "R0602", "Z0000", "M545"];

    [Fact]
    public void Every_written_payload_is_read_as_the_serializer_reads_it()
    {
        var random = new Random(2026);
        for (var i = 0; i < 3000; i++)
        {
            var written = Event(random);
            var payload = LedgerEvents.Write(written);
            var type = TypeOf(written);

            var hot = HotEventReader.TryRead(type, payload);

            Assert.NotNull(hot);
            Assert.Equal(payload, LedgerEvents.Write(hot));
            Assert.Equal(payload, LedgerEvents.Write(HotEventReader.TryRead(type, Encoding.UTF8.GetBytes(payload))!));
            Assert.Equal(LedgerEvents.Write(LedgerEvents.Read(type, payload)!), LedgerEvents.Write(hot));
            Assert.Equal(written.GetType(), hot.GetType());
        }
    }

    [Fact]
    public void A_payload_in_another_shape_is_left_to_the_serializer_or_read_the_same()
    {
        var random = new Random(15);
        var leftToSerializer = 0;
        for (var i = 0; i < 3000; i++)
        {
            var written = Event(random);
            var type = TypeOf(written);
            var payload = Mutate(LedgerEvents.Write(written), random);

            var hot = HotEventReader.TryRead(type, payload);

            // Read from the payload's UTF-8 bytes (a ledger read as stored), the same event or the same refusal.
            var fromBytes = HotEventReader.TryRead(type, Encoding.UTF8.GetBytes(payload));
            Assert.Equal(hot is null ? null : LedgerEvents.Write(hot), fromBytes is null ? null : LedgerEvents.Write(fromBytes));
            if (hot is null)
            {
                leftToSerializer++;
                continue;
            }

            // Whatever the hot reader accepts, the serializer reads to the same event.
            Assert.Equal(LedgerEvents.Write(LedgerEvents.Read(type, payload)!), LedgerEvents.Write(hot));
        }

        // The mutations do reach the fallback (and not every one: reordering is still the written shape).
        Assert.InRange(leftToSerializer, 1000, 2999);
    }

    [Theory]
    [InlineData("{\"encounter\":\"ae89c556-5224-49d6-a522-ca1933441292\",\"version\":\"1\",\"finalizedAt\":\"2026-10-02T14:35:00.000000Z\",\"clockStart\":\"2026-10-01T23:00:00.000000Z\",\"codedWithoutQueryResponse\":false,\"overrideReason\":null,\"overrideBy\":null}")]
    [InlineData("{\"Encounter\":\"ae89c556-5224-49d6-a522-ca1933441292\",\"version\":1,\"finalizedAt\":\"2026-10-02T14:35:00.000000Z\",\"clockStart\":\"2026-10-01T23:00:00.000000Z\",\"codedWithoutQueryResponse\":false,\"overrideReason\":null,\"overrideBy\":null}")]
    [InlineData("{\"encounter\":\"ae89c556-5224-49d6-a522-ca1933441292\",\"version\":1,\"finalizedAt\":\"2026-10-02T14:35:00.000000Z\",\"clockStart\":\"2026-10-01T23:00:00.000000Z\",\"codedWithoutQueryResponse\":false,\"overrideReason\":null}")]
    [InlineData("{\"encounter\":\"ae89c556-5224-49d6-a522-ca1933441292\",\"version\":1,\"finalizedAt\":\"2026-10-02T14:35:00.000000Z\",\"clockStart\":\"2026-10-01T23:00:00.000000Z\",\"codedWithoutQueryResponse\":false,\"overrideReason\":null,\"overrideBy\":null} x")]
    [InlineData("{\"encounter\":\"ae89c556\",\"version\":1}")]
    [InlineData("not json")]
    public void A_finalization_not_as_written_is_left_to_the_serializer(string payload) =>
        Assert.Null(HotEventReader.TryRead(EncounterFinalized.Type, payload));

    [Fact]
    public void A_submission_with_a_finding_is_left_to_the_serializer()
    {
        var encounter = Guid.Parse("ae89c556-5224-49d6-a522-ca1933441292");
        var finding = new CodingSubmitted(encounter, 1, "jdoe", ["E119"], [], null, [new CodingSubmitted.Finding("NCCI-PTP", Core.Edits.EditSeverity.Error, 1, ["99213"])], 1, 0, null);

        Assert.Null(HotEventReader.TryRead(CodingSubmitted.Type, LedgerEvents.Write(finding)));
    }

    [Fact]
    public void Other_event_types_are_left_to_the_serializer() =>
        Assert.Null(HotEventReader.TryRead(QueryAnswered.Type, "{}"));

    private static ILedgerEvent Event(Random random)
    {
        var id = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365) / 10 * 10);
        string? Maybe(string text) => random.Next(3) == 0 ? null : text;
        return random.Next(3) switch
        {
            0 => new EncounterReceived(
                id, "FM-NORTH", "ACME", $"FM-{random.Next(1_000_000):D6}-\"é\\", "1234567893", DateOnly.FromDateTime(at.UtcDateTime), "11", "family-medicine", at,
                Maybe(new string('d', 64)), Maybe($"hmac-sha256:0badcafe:{new string('e', 64)}"), at.AddMinutes(random.Next(600)), Maybe("jdoe"),
                random.GetItems(Enum.GetValues<AssignmentBasis>(), 1)[0], Maybe($"hmac-sha256:0badcafe:{new string('f', 64)}")),
            1 => new CodingSubmitted(
                id, random.Next(1, 4), "jdoe", [.. random.GetItems(Codes, random.Next(0, 4))],
                [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CodingSubmitted.Line(
                    "99213", [.. random.GetItems(new[] { "25", "59", "XU" }, random.Next(0, 3))], random.Next(1, 5) + (random.Next(2) == 0 ? 0m : 0.5m),
                    $"{random.Next(10, 900)}.00", [.. Enumerable.Range(1, random.Next(1, 4))]))],
                random.Next(2) == 0 ? null : JsonDocument.Parse("{\"patient\":\"new\",\"problems\":[\"stable-chronic\"],\"data\":{\"externalNotes\":0,\"x\":[1,2.5,null,true]},\"risk\":\"low\",\"totalMinutes\":42}").RootElement,
                [], random.Next(0, 3), random.Next(0, 3), random.Next(2) == 0 ? null : random.GetItems(Enum.GetValues<WaitingFor>(), 1)[0]),
            _ => new EncounterFinalized(id, random.Next(1, 4), at.AddHours(5), at, random.Next(2) == 0, Maybe("physician unreachable"), Maybe("lead")),
        };
    }

    private static string TypeOf(ILedgerEvent e) => e switch
    {
        EncounterReceived => EncounterReceived.Type,
        CodingSubmitted => CodingSubmitted.Type,
        _ => EncounterFinalized.Type,
    };

    /// <summary>One change to a written payload: properties reordered, renamed, repeated, dropped or added, a number as a string, trailing text.</summary>
    private static string Mutate(string payload, Random random)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject();
        var names = node.Select(p => p.Key).ToList();
        var name = names[random.Next(names.Count)];
        switch (random.Next(7))
        {
            case 0:
                var reordered = new System.Text.Json.Nodes.JsonObject();
                foreach (var n in names.OrderBy(_ => random.Next()))
                {
                    reordered[n] = node[n]?.DeepClone();
                }

                return reordered.ToJsonString();
            case 1:
                return payload.Replace($"\"{name}\":", $"\"{char.ToUpperInvariant(name[0])}{name[1..]}\":", StringComparison.Ordinal);
            case 2:
                node.Remove(name);
                return node.ToJsonString();
            case 3:
                return payload[..^1] + ",\"extra\":1}";
            case 4:
                return payload.Replace("\"version\":1", "\"version\":\"1\"", StringComparison.Ordinal).Replace("\"errors\":0", "\"errors\":\"0\"", StringComparison.Ordinal);
            case 5:
                return payload[..^1] + $",\"{name}\":null}}";
            default:
                return payload + " []";
        }
    }
}
