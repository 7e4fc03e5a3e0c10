using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Writes the sections of a release index (<see cref="CodeSetIndex"/>): little-endian integers,
/// arrays of unmanaged values as their bytes, and string tables as UTF-8 with offsets, so that
/// reading one back is a copy per array and no parsing.
/// </summary>
internal sealed class IndexWriter
{
    private readonly MemoryStream buffer = new();

    public void Int(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        buffer.Write(b);
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void Array<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Int(values.Length);
        buffer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>
    /// A string table in deflated blocks of <see cref="StringTable.BlockSize"/> strings: titles are
    /// most of a release's index (13 MB of an ICD-10-CM release's 14 MB as plain UTF-8), and a
    /// lookup needs the block of one code, not all of them.
    /// </summary>
    public void Strings(IReadOnlyList<string> values)
    {
        Int(values.Count);
        Span<byte> length = stackalloc byte[4];
        for (var start = 0; start < values.Count; start += StringTable.BlockSize)
        {
            using var block = new MemoryStream();
            using (var deflate = new DeflateStream(block, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var i = start; i < Math.Min(values.Count, start + StringTable.BlockSize); i++)
                {
                    var bytes = Encoding.UTF8.GetBytes(values[i]);
                    BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
                    deflate.Write(length);
                    deflate.Write(bytes);
                }
            }

            Array<byte>(block.ToArray());
        }
    }

    public byte[] ToArray() => buffer.ToArray();
}

/// <summary>Reads what <see cref="IndexWriter"/> wrote, in the same order; a short or inconsistent index throws <see cref="FormatException"/>.</summary>
internal sealed class IndexReader(byte[] bytes, int start)
{
    private int position = start;

    public bool AtEnd => position == bytes.Length;

    public int Int()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        return value;
    }

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || length > bytes.Length - position)
        {
            throw new FormatException("the code-set index is shorter than its sections say");
        }

        var span = bytes.AsSpan(position, length);
        position += length;
        return span;
    }

    public T[] Array<T>()
        where T : unmanaged => Span<T>().ToArray();

    /// <summary>An array section in place, for a caller that copies it where it goes.</summary>
    public ReadOnlySpan<T> Span<T>()
        where T : unmanaged
    {
        var count = Int();
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (count < 0 || count > (bytes.Length - position) / size)
        {
            throw new FormatException("the code-set index is shorter than its sections say");
        }

        return MemoryMarshal.Cast<byte, T>(Take(count * size));
    }

    public StringTable Strings()
    {
        var count = Int();
        if (count < 0)
        {
            throw new FormatException("the code-set index's string table is inconsistent");
        }

        var blocks = new byte[(count + StringTable.BlockSize - 1) / StringTable.BlockSize][];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = Array<byte>();
        }

        return new StringTable(count, blocks);
    }
}

/// <summary>
/// Strings kept deflated in blocks and decoded a block at a time when asked: an ICD-10-CM release
/// has two titles for each of its 98,000 codes, and `codes check` reads one of them. Thread-safe:
/// two threads may decode the same block, and either result is the same strings.
/// </summary>
internal sealed class StringTable
{
    public const int BlockSize = 256;

    private readonly byte[][]? compressed;
    private readonly string[]?[]? decoded;
    private readonly IReadOnlyList<string>? strings;

    public StringTable(int count, byte[][] blocks)
    {
        Count = count;
        compressed = blocks;
        decoded = new string[blocks.Length][];
    }

    public StringTable(IReadOnlyList<string> strings)
    {
        this.strings = strings;
        Count = strings.Count;
    }

    public int Count { get; }

    public string this[int i]
    {
        get
        {
            if (strings is not null)
            {
                return strings[i];
            }

            var b = i / BlockSize;
            var block = Volatile.Read(ref decoded![b]) ?? Decode(b);
            return block[i % BlockSize];
        }
    }

    public IReadOnlyList<string> All() => strings ?? [.. Enumerable.Range(0, Count).Select(i => this[i])];

    private string[] Decode(int b)
    {
        var size = Math.Min(BlockSize, Count - (b * BlockSize));
        var block = new string[size];
        using var inflate = new DeflateStream(new MemoryStream(compressed![b]), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        inflate.CopyTo(bytes);
        var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        for (var i = 0; i < size; i++)
        {
            var length = span.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(span);
            if (length < 0 || length > span.Length - 4)
            {
                throw new FormatException("the code-set index's string table is inconsistent");
            }

            block[i] = Encoding.UTF8.GetString(span.Slice(4, length));
            span = span[(4 + length)..];
        }

        Volatile.Write(ref decoded![b], block);
        return block;
    }
}
