using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Attributes;
using CodeLedger.X12;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Workloads;

namespace CodeLedger.Benchmarks.X12;

/// <summary>
/// Reference points for the typed parse, on the same generated files as
/// <see cref="X12ParseBenchmarks"/>: work that a parse into typed claims also does, written as
/// tightly as we could, without the model. They show where the time of a typed parse goes and how
/// much of it is the model (objects, validation, balancing) rather than finding and decoding values.
/// <list type="bullet">
/// <item>scan: find every element separator, component separator and segment terminator in the
/// file, 32 bytes per AVX2 compare (the first stage of simdjson-style parsers), nothing else.</item>
/// <item>split: the reader plus the element bounds of every segment.</item>
/// <item>skeleton: the reader, the element bounds of the segments an 835 model reads (CLP, CAS,
/// NM1, DTM, SVC, AMT), and their values decoded (amounts to decimals, dates, codes through a
/// string cache); no objects built, no validation, no balancing.</item>
/// </list>
/// Run: dotnet run -c Release --project bench/CodeLedger.Benchmarks -- --filter '*X12Ceiling*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class X12CeilingBenchmarks
{
    private const byte Star = (byte)'*';
    private byte[] _file = [];
    private int[] _positions = [];
    private readonly SkeletonCache _cache = new();

    [Params(X12FileKind.Remittance835, X12FileKind.Claim837P)]
    public X12FileKind Kind { get; set; }

    [Params(50_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = GeneratedX12.Create(Kind, Size);
        _positions = new int[1 << 16];
    }

    [Benchmark(Description = "ceiling: scan for every separator (AVX2)")]
    public long Scan()
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            throw new PlatformNotSupportedException("the scan ceiling needs 256-bit vectors");
        }

        var star = Vector256.Create(Star);
        var tilde = Vector256.Create((byte)'~');
        var colon = Vector256.Create((byte)':');
        ref var start = ref MemoryMarshal.GetArrayDataReference(_file);
        var positions = _positions;
        long sum = 0;
        const int Chunk = 1 << 16;
        for (var chunk = 0; chunk + 32 <= _file.Length; chunk += Chunk)
        {
            var end = Math.Min(_file.Length, chunk + Chunk) - 32;
            var count = 0;
            for (var i = chunk; i <= end; i += 32)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i);
                var mask = (Vector256.Equals(block, star) | Vector256.Equals(block, tilde) | Vector256.Equals(block, colon)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    positions[count++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }

            sum += count;
        }

        return sum;
    }

    [Benchmark(Description = "ceiling: reader + split every segment")]
    public long SplitEverySegment()
    {
        Span<int> bounds = stackalloc int[64];
        var reader = new X12Reader(_file);
        long sum = 0;
        while (reader.Read())
        {
            sum += Split(reader.Segment.Raw, bounds);
        }

        return sum;
    }

    [Benchmark(Description = "ceiling: 835 skeleton (split + decode, no objects)")]
    public decimal Skeleton835()
    {
        Span<int> b = stackalloc int[64];
        var reader = new X12Reader(_file);
        decimal money = 0;
        long other = 0;
        while (reader.Read())
        {
            var raw = reader.Segment.Raw;
            var key = raw.Length > 3 && raw[3] == Star ? (uint)(raw[0] | (raw[1] << 8) | (raw[2] << 16)) : (uint)(raw[0] | (raw[1] << 8));
            switch (key)
            {
                case 'C' | ('L' << 8) | ('P' << 16):
                    Split(raw, b);
                    money += Amount(raw, b, 3) + Amount(raw, b, 4) + Amount(raw, b, 5);
                    other += _cache.Get(Element(raw, b, 1)).Length + _cache.Get(Element(raw, b, 2)).Length + _cache.Get(Element(raw, b, 6)).Length
                        + _cache.Get(Element(raw, b, 7)).Length;
                    break;
                case 'S' | ('V' << 8) | ('C' << 16):
                    Split(raw, b);
                    money += Amount(raw, b, 2) + Amount(raw, b, 3) + Amount(raw, b, 5);
                    var procedure = Element(raw, b, 1);
                    var colon = procedure.IndexOf((byte)':');
                    other += colon < 0 ? 0 : _cache.Get(procedure[..colon]).Length + _cache.Get(procedure[(colon + 1)..]).Length;
                    break;
                case 'C' | ('A' << 8) | ('S' << 16):
                    Split(raw, b);
                    other += _cache.Get(Element(raw, b, 1)).Length + _cache.Get(Element(raw, b, 2)).Length;
                    money += Amount(raw, b, 3);
                    break;
                case 'D' | ('T' << 8) | ('M' << 16):
                    Split(raw, b);
                    other += _cache.Get(Element(raw, b, 1)).Length + (X12Bytes.TryParseDate(Element(raw, b, 2), out var date) ? date.Day : 0);
                    break;
                case 'A' | ('M' << 8) | ('T' << 16):
                    Split(raw, b);
                    other += _cache.Get(Element(raw, b, 1)).Length;
                    money += Amount(raw, b, 2);
                    break;
                case 'N' | ('M' << 8) | ('1' << 16):
                    Split(raw, b);
                    other += _cache.Get(Element(raw, b, 3)).Length + _cache.Get(Element(raw, b, 4)).Length + _cache.Get(Element(raw, b, 9)).Length;
                    break;
                default:
                    break;
            }
        }

        return money + other;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Element(ReadOnlySpan<byte> raw, Span<int> bounds, int index)
    {
        var start = bounds[index] + 1;
        return raw.Slice(start, bounds[index + 1] - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Amount(ReadOnlySpan<byte> raw, Span<int> bounds, int index)
    {
        X12Bytes.TryParseDecimal(Element(raw, bounds, index), out var value);
        return value;
    }

    /// <summary>Element bounds, 16 bytes per compare; unused slots point at the end (empty elements).</summary>
    private static int Split(ReadOnlySpan<byte> raw, Span<int> bounds)
    {
        bounds[0] = -1;
        var count = 1;
        var i = 0;
        var target = Vector128.Create(Star);
        ref var start = ref MemoryMarshal.GetReference(raw);
        for (; i <= raw.Length - 16; i += 16)
        {
            var mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
            while (mask != 0 && count < 40)
            {
                bounds[count++] = i + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
            }
        }

        for (; i < raw.Length && count < 40; i++)
        {
            if (raw[i] == Star)
            {
                bounds[count++] = i;
            }
        }

        var elements = count;
        for (; count < 42; count++)
        {
            bounds[count] = raw.Length;
        }

        return elements;
    }

    /// <summary>The same direct-mapped idea as the parser's string cache, without its checks.</summary>
    private sealed class SkeletonCache
    {
        private readonly (ulong Low, ulong High, string? Value)[] _slots = new (ulong, ulong, string?)[2048];

        public string Get(ReadOnlySpan<byte> value)
        {
            if (value.IsEmpty)
            {
                return string.Empty;
            }

            if (value.Length > 16)
            {
                return Encoding.UTF8.GetString(value);
            }

            Span<byte> padded = stackalloc byte[16];
            padded.Clear();
            value.CopyTo(padded);
            var low = BinaryPrimitives.ReadUInt64LittleEndian(padded);
            var high = BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]);
            var hash = unchecked(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)value.Length) * 0x9E3779B97F4A7C15UL);
            ref var slot = ref _slots[(int)(hash >> 53)];
            if (slot.Low == low && slot.High == high && slot.Value is { } cached && cached.Length == value.Length)
            {
                return cached;
            }

            var created = Encoding.UTF8.GetString(value);
            slot = (low, high, created);
            return created;
        }
    }
}
