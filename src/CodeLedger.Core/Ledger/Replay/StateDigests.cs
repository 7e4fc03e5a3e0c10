using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// One fixed-size digest per state table of its rows: the count, and the sum of a salted SHA-256 of
/// each row (its key and its columns, by name in ordinal order, each value or its absence). The sum
/// does not depend on the order rows are added, so the stored tables can be digested as they are read,
/// on their own connection WHILE the ledger is still being replayed, and the replayed rows afterwards
/// in whatever order the fold holds them; neither side is held (docs/PERFORMANCE.md, "Replay verification").
/// </summary>
/// <remarks>
/// Equal digests for every table mean the two sides hold the same rows (same keys, each once, same
/// column values) and <see cref="StreamingStateComparison"/> would find nothing; any difference (a
/// value, a row missing, extra or twice, a column the ledger does not record) makes them differ, and
/// the caller then runs that comparison, which names each divergence. The salt is drawn at random for
/// each verification, so which rows collide cannot be known when a database is edited: the chance that
/// two different tables sum alike is about 2^-128 (each 64-bit lane's sum of at most 2^32 uniform
/// terms), far below any other way the check could go wrong.
/// </remarks>
public sealed class StateDigests : IStateRowSink
{
    private readonly byte[] _salt;
    private readonly Dictionary<string, Sum> _tables = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[1024];
    private (string Table, string Key, StateRow Row)? _pending;

    // The stored rows, one at a time: each is digested before the next starts, so one row serves them all
    // (a million rows per table, each with its own column list, kept the collector busy).
    private readonly StateRow _row = new(string.Empty, 0);

    public StateDigests(byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length < 16)
        {
            throw new ArgumentException("the salt must be at least 16 bytes", nameof(salt));
        }

        _salt = salt;
    }

    /// <summary>A fresh random salt, one per verification.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Starts a stored row; it is digested when the next row starts or at <see cref="Finish"/> (its columns are set by then).</summary>
    public StateRow Add(string table, string key, string label, long @event)
    {
        DigestPending();
        var row = _row.Reset(label, @event);
        _pending = (table, key, row);
        return row;
    }

    /// <summary>Digests a row built whole (the replayed side).</summary>
    public void Add(string table, string key, StateRow row)
    {
        DigestPending();
        Accumulate(table, key, row);
    }

    /// <summary>Digests the last row started; call once every row is added.</summary>
    public StateDigests Finish()
    {
        DigestPending();
        return this;
    }

    /// <summary>
    /// The replayed rows of every table in <see cref="StateTables.All"/>, digested with <paramref name="salt"/>:
    /// the tables with a row per encounter (most of the rows) on two threads, the rest on this one. The
    /// replayed state is only read, so the tables can be built side by side; the sums do not depend on
    /// which thread adds what.
    /// </summary>
    public static StateDigests OfReplay(Func<string, IReplayedTable> tableOf, byte[] salt, CancellationToken ct = default)
    {
        string[][] large = [[StateTables.Encounters, StateTables.DocumentationVersions, StateTables.Queries], [StateTables.WorkItems, StateTables.CodingResults]];
        var parts = new StateDigests[large.Length];
        Parallel.For(
            0,
            large.Length,
            new ParallelOptions { MaxDegreeOfParallelism = large.Length, CancellationToken = ct },
            i =>
            {
                var part = new StateDigests(salt);
                foreach (var table in large[i])
                {
                    part.AddTable(table, tableOf(table), ct);
                }

                parts[i] = part;
            });

        var all = new StateDigests(salt);
        foreach (var part in parts)
        {
            foreach (var (table, sum) in part._tables)
            {
                all._tables[table] = sum;
            }
        }

        foreach (var table in StateTables.All)
        {
            if (!large.Any(l => l.Contains(table)))
            {
                all.AddTable(table, tableOf(table), ct);
            }
        }

        return all;
    }

    /// <summary>
    /// The digests of rows added to any of <paramref name="parts"/> (all made with one salt), as if all had
    /// been added to one: the sums add up, so parts read side by side may even share a table.
    /// </summary>
    public static StateDigests Combine(params StateDigests[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("nothing to combine", nameof(parts));
        }

        var all = new StateDigests(parts[0]._salt);
        foreach (var part in parts)
        {
            if (!part._salt.AsSpan().SequenceEqual(all._salt))
            {
                throw new InvalidOperationException("digests made with different salts cannot be combined");
            }

            part.DigestPending();
            foreach (var (table, sum) in part._tables)
            {
                var was = all._tables.GetValueOrDefault(table);
                all._tables[table] = new Sum(
                    was.Count + sum.Count, unchecked(was.A + sum.A), unchecked(was.B + sum.B), unchecked(was.C + sum.C), unchecked(was.D + sum.D));
            }
        }

        return all;
    }

    /// <summary>
    /// Whether both sides digested the same rows in every table of <see cref="StateTables.All"/> (and in
    /// any other table either side saw): a table neither side has a row of sums alike, as empty.
    /// </summary>
    public bool SameAs(StateDigests other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_salt.AsSpan().SequenceEqual(other._salt))
        {
            throw new InvalidOperationException("digests made with different salts cannot be compared");
        }

        foreach (var table in _tables.Keys.Union(other._tables.Keys, StringComparer.Ordinal))
        {
            if (_tables.GetValueOrDefault(table) != other._tables.GetValueOrDefault(table))
            {
                return false;
            }
        }

        return true;
    }

    private void AddTable(string table, IReplayedTable rows, CancellationToken ct)
    {
        // An empty entry, so a table the replay has no rows of still names itself (it sums as zero either way).
        _tables.TryAdd(table, default);
        var n = 0;
        foreach (var (key, row) in rows.Rows())
        {
            if ((++n & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            Accumulate(table, key, row);
        }
    }

    private void DigestPending()
    {
        if (_pending is { } p)
        {
            _pending = null;
            Accumulate(p.Table, p.Key, p.Row);
        }
    }

    private void Accumulate(string table, string key, StateRow row)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        RowDigest(key, row, digest);
        var sum = _tables.GetValueOrDefault(table);
        _tables[table] = new Sum(
            sum.Count + 1,
            unchecked(sum.A + BinaryPrimitives.ReadUInt64LittleEndian(digest)),
            unchecked(sum.B + BinaryPrimitives.ReadUInt64LittleEndian(digest[8..])),
            unchecked(sum.C + BinaryPrimitives.ReadUInt64LittleEndian(digest[16..])),
            unchecked(sum.D + BinaryPrimitives.ReadUInt64LittleEndian(digest[24..])));
    }

    /// <summary>
    /// SHA-256 of the salt, then the key and each column as length-prefixed UTF-8 (a column's value
    /// preceded by 1, or a 0 alone for null), columns in ordinal order of their names: the comparison
    /// matches columns by name, so the order they were set in must not matter.
    /// </summary>
    private void RowDigest(string key, StateRow row, Span<byte> digest)
    {
        var columns = row.Columns;
        Span<int> order = stackalloc int[columns.Count];
        for (var i = 0; i < order.Length; i++)
        {
            // Insertion sort: a row has at most a few dozen columns, already nearly sorted or not at all.
            var j = i;
            while (j > 0 && string.CompareOrdinal(columns[order[j - 1]].Key, columns[i].Key) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        var capacity = _salt.Length + 5 + Encoding.UTF8.GetMaxByteCount(key.Length);
        foreach (var (name, value) in columns)
        {
            capacity += 10 + Encoding.UTF8.GetMaxByteCount(name.Length) + (value is null ? 0 : Encoding.UTF8.GetMaxByteCount(value.Length));
        }

        if (_buffer.Length < capacity)
        {
            _buffer = new byte[Math.Max(capacity, _buffer.Length * 2)];
        }

        var buffer = _buffer.AsSpan();
        _salt.CopyTo(buffer);
        var at = _salt.Length;
        Text(buffer, ref at, key);
        foreach (var i in order)
        {
            var (name, value) = columns[i];
            Text(buffer, ref at, name);
            if (value is null)
            {
                buffer[at++] = 0;
            }
            else
            {
                buffer[at++] = 1;
                Text(buffer, ref at, value);
            }
        }

        ThreadSha256.Hash(buffer[..at], digest);
    }

    private static void Text(Span<byte> buffer, ref int at, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, buffer[(at + 4)..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], length);
        at += 4 + length;
    }

    /// <summary>A table's row count and its rows' digests summed in four 64-bit lanes.</summary>
    private readonly record struct Sum(long Count, ulong A, ulong B, ulong C, ulong D);
}
