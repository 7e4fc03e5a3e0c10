using CodeLedger.Core.Ledger.Events;
using CodeLedger.X12.Acknowledgments;

namespace CodeLedger.Storage.X12;

/// <summary>
/// Hands out interchange control numbers for the acknowledgments CodeLedger writes, one counter
/// per pair of parties (<see cref="X12ControlNumberRow"/>), so two acknowledgments to the same
/// partner never share an ISA13. Reserving is one store write: two processes acknowledging at once
/// cannot both take a number, because the one whose counter changed under it (PostgreSQL: the row's
/// xmin; SQLite: another commit since its read) runs again and reads the new value; each number
/// taken is an <c>x12.control-number.reserved</c> ledger event.
/// </summary>
public static class X12ControlNumbers
{
    /// <summary>
    /// One number for each interchange, in order. Without <paramref name="first"/> each takes the
    /// next number of its parties' counter. With it, the interchanges are numbered
    /// <paramref name="first"/>, <paramref name="first"/> + 1, … as given, and each counter that
    /// had not reached its number moves up to it, so it never hands that number out later.
    /// A number the counter had already passed is used as given: resending an acknowledgment
    /// under its old number is the caller's decision.
    /// </summary>
    public static Task<IReadOnlyList<int>> ReserveAsync(CodeLedgerStore store, IReadOnlyList<X12Parties> interchanges, int? first,
        CancellationToken ct = default)
    {
        if (first is < 1 or > X12AckOptions.MaxControlNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "an interchange control number is 1 to 999,999,999");
        }

        return store.WriteAsync("x12-ack", (db, ledger) => ReserveAsync(db, ledger, interchanges, first, ct), ct);
    }

    /// <summary>
    /// <see cref="ReserveAsync(CodeLedgerStore, IReadOnlyList{X12Parties}, int?, CancellationToken)"/> inside a write
    /// the caller runs, so the numbers are taken in the same transaction as what uses them (claims submit: the
    /// claims marked submitted and their 837P's numbers commit together or not at all).
    /// </summary>
    public static async Task<IReadOnlyList<int>> ReserveAsync(CodeLedgerDbContext db, Ledger.LedgerAppender ledger, IReadOnlyList<X12Parties> interchanges, int? first,
        CancellationToken ct = default)
    {
        if (first is < 1 or > X12AckOptions.MaxControlNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "an interchange control number is 1 to 999,999,999");
        }

        var counters = new Dictionary<X12Parties, X12ControlNumberRow>();
        var numbers = new List<int>(interchanges.Count);
        var requested = first;
        foreach (var parties in interchanges)
        {
            if (!counters.TryGetValue(parties, out var counter))
            {
                counter = await db.Set<X12ControlNumberRow>()
                    .FindAsync([parties.SenderQualifier, parties.SenderId, parties.ReceiverQualifier, parties.ReceiverId], ct);
                if (counter is null)
                {
                    counter = new X12ControlNumberRow
                    {
                        SenderQualifier = parties.SenderQualifier,
                        SenderId = parties.SenderId,
                        ReceiverQualifier = parties.ReceiverQualifier,
                        ReceiverId = parties.ReceiverId,
                    };
                    db.Add(counter);
                }

                counters.Add(parties, counter);
            }

            int number;
            if (requested is { } given)
            {
                number = given;
                requested = Following(given);
                counter.LastControlNumber = Math.Max(counter.LastControlNumber, number);
            }
            else
            {
                number = Following(counter.LastControlNumber);
                counter.LastControlNumber = number;
            }

            numbers.Add(number);
            ledger.Append($"{parties.SenderQualifier}:{parties.SenderId}>{parties.ReceiverQualifier}:{parties.ReceiverId}",
                new X12ControlNumberReserved(parties.SenderQualifier, parties.SenderId, parties.ReceiverQualifier, parties.ReceiverId, number, Given: first is not null));
        }

        return numbers;
    }

    // Nine digits: after 999,999,999 the count starts again at 1 (0 is not a control number).
    private static int Following(int number) => number >= X12AckOptions.MaxControlNumber ? 1 : number + 1;
}
