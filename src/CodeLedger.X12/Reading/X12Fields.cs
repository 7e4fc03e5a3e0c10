using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CodeLedger.X12.Reading;

/// <summary>
/// A segment split once into element bounds (on the caller's stack), so a builder can read
/// element n in O(1) instead of rescanning the segment for every element.
/// </summary>
internal readonly ref struct X12Fields
{
    // _data is the segment or a whole buffer around it. _bounds[0] is the byte before the segment
    // and _bounds[k] the k-th element separator (the last is where the segment ends): element i
    // spans _bounds[i] + 1 .. _bounds[i + 1]. Plain ints, not Range, because Range slicing pays for
    // from-end indexes on every access. The separator index (X12BodyScanner) hands out bounds
    // in this shape for whole runs of segments, so they are never split one by one.
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<int> _bounds;

    public X12Fields(in X12Segment segment, Span<int> scratch)
    {
        _data = segment.Raw;
        _bounds = scratch[..Split(_data, segment.Delimiters.Element, scratch)];
        ComponentSeparator = segment.Delimiters.Component;
        Position = segment.Position;
    }

    /// <summary>Bounds already found: <paramref name="bounds"/> is absolute within <paramref name="data"/>.</summary>
    public X12Fields(ReadOnlySpan<byte> data, ReadOnlySpan<int> bounds, byte componentSeparator, long position)
    {
        _data = data;
        _bounds = bounds;
        ComponentSeparator = componentSeparator;
        Position = position;
    }

    public byte ComponentSeparator { get; }

    /// <summary>The whole segment, identifier included.</summary>
    public ReadOnlySpan<byte> Raw => _data[(_bounds[0] + 1).._bounds[^1]];

    public long Position { get; }

    /// <summary>Elements after the identifier.</summary>
    public int Count => _bounds.Length - 2;

    public ReadOnlySpan<byte> this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (unchecked((uint)(index + 1)) >= (uint)_bounds.Length)
            {
                return default;
            }

            // The bounds were found inside _data (by Split or the separator index), so the slice
            // needs no second range check.
            ref var bounds = ref MemoryMarshal.GetReference(_bounds);
            var start = Unsafe.Add(ref bounds, index) + 1;
            return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), start), Unsafe.Add(ref bounds, index + 1) - start);
        }
    }

    public ReadOnlySpan<byte> Component(int element, int component) => X12Bytes.Component(this[element], component, ComponentSeparator);

    /// <summary>
    /// Fills <paramref name="bounds"/> and returns how many it holds. A segment with more elements
    /// than the table leaves the remainder in the last element, as <see cref="X12Segment.Split"/> does.
    /// </summary>
    private static int Split(ReadOnlySpan<byte> raw, byte separator, Span<int> bounds)
    {
        bounds[0] = -1;
        var count = 1;
        var last = bounds.Length - 1;
        var i = 0;

        // Sixteen bytes at a time: one compare gives a bit per separator, and the bits are walked
        // in order. A segment is a few dozen bytes, so this is two or three steps instead of a
        // compare and a branch per byte.
        if (Vector128.IsHardwareAccelerated)
        {
            var target = Vector128.Create(separator);
            ref var start = ref MemoryMarshal.GetReference(raw);
            for (; i <= raw.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    if (count >= last)
                    {
                        bounds[count] = raw.Length;
                        return count + 1;
                    }

                    bounds[count++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < raw.Length && count < last; i++)
        {
            if (raw[i] == separator)
            {
                bounds[count++] = i;
            }
        }

        bounds[count++] = raw.Length;
        return count;
    }
}
