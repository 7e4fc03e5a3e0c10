using System.Text;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Writing;

namespace CodeLedger.X12.Tests;

/// <summary>One-line domain assertions for the X12 tests.</summary>
internal static class X12Assert
{
    /// <summary>Written, read back: an equal model; written again: the same bytes; and no findings.</summary>
    public static void RoundTrips(Claim837Interchange model)
    {
        var first = Claim837Writer.Write(model);
        var document = X12Document.Load(first);
        Assert.Empty(document.Result.Errors);
        var read = Assert.Single(document.Claims837);
        Assert.Equal(model, read);
        var second = Claim837Writer.Write(read);
        Assert.Equal(Encoding.ASCII.GetString(first), Encoding.ASCII.GetString(second));
    }

    public static void Reports(X12ParseResult result, string code)
    {
        Assert.True(result.HasCode(code), $"expected {code}; got {Describe(result)}");
    }

    public static void Clean(X12ParseResult result)
    {
        Assert.False(result.HasErrors, Describe(result));
    }

    public static string Describe(X12ParseResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Severity} @{e.Segment} {e.SegmentId}{(e.Element is { } el ? $"{el:00}" : string.Empty)}: {e.Message}"));

    /// <summary>Reads every segment of <paramref name="data"/> in one piece.</summary>
    public static List<string> Segments(ReadOnlySpan<byte> data)
    {
        var list = new List<string>();
        var reader = new X12Reader(data);
        while (reader.Read())
        {
            var segment = reader.Segment;
            list.Add($"{segment.Position}@{segment.Offset}:{Encoding.Latin1.GetString(segment.Raw)}");
        }

        list.Add(reader.Status.ToString());
        return list;
    }

    /// <summary>Reads <paramref name="data"/> cut into buffers at the given points, resuming with the saved state.</summary>
    public static List<string> SegmentsCut(byte[] data, params int[] cuts)
    {
        var list = new List<string>();
        var state = default(X12ReaderState);
        var start = 0;
        var pending = new List<byte>();
        var bounds = cuts.Append(data.Length).ToArray();
        for (var i = 0; i < bounds.Length; i++)
        {
            pending.AddRange(data.AsSpan(start, bounds[i] - start).ToArray());
            start = bounds[i];
            var final = i == bounds.Length - 1;
            var buffer = pending.ToArray();
            var reader = new X12Reader(buffer, final, state);
            while (reader.Read())
            {
                var segment = reader.Segment;
                list.Add($"{segment.Position}@{segment.Offset}:{Encoding.Latin1.GetString(segment.Raw)}");
            }

            state = reader.CurrentState;
            pending = buffer.AsSpan(reader.BytesConsumed).ToArray().ToList();
            if (final || reader.Status is not X12ReadStatus.NeedMoreData)
            {
                list.Add(reader.Status.ToString());
                return list;
            }
        }

        return list;
    }
}
