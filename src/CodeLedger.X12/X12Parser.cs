using System.Buffers;
using System.IO.Pipelines;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12;

/// <summary>
/// Parses an X12 file into typed claims and findings in one forward pass. Input is read in
/// fixed-size buffers, claims go to the sink one at a time, and findings are capped, so memory
/// does not depend on the file's size. Nothing throws for bad input: the result says what is wrong.
/// </summary>
public static class X12Parser
{
    public static X12ParseResult Parse(ReadOnlySpan<byte> data, X12ParseOptions? options = null)
    {
        var run = new Run(options ?? new X12ParseOptions());
        var reader = new X12Reader(data, isFinalBlock: true, default);
        run.Consume(ref reader);
        return run.Finish(reader.Status, reader.UnterminatedTail, reader.CurrentState);
    }

    public static X12ParseResult Parse(Stream stream, X12ParseOptions? options = null)
    {
        options ??= new X12ParseOptions();
        var run = new Run(options);
        var buffer = ArrayPool<byte>.Shared.Rent(options.BufferSize);
        try
        {
            var state = default(X12ReaderState);
            var filled = 0;
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var final = read == 0;
                var reader = new X12Reader(buffer.AsSpan(0, filled), final, state);
                run.Consume(ref reader);
                state = reader.CurrentState;
                if (reader.Status != X12ReadStatus.NeedMoreData || final)
                {
                    return run.Finish(reader.Status, reader.UnterminatedTail, state);
                }

                var remaining = filled - reader.BytesConsumed;
                if (remaining > options.MaxSegmentLength)
                {
                    return run.TooLong(state);
                }

                buffer.AsSpan(reader.BytesConsumed, remaining).CopyTo(buffer);
                filled = remaining;
                if (filled == buffer.Length)
                {
                    // One segment longer than the whole buffer: grow, bounded by MaxSegmentLength.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static X12ParseResult Parse(string path, X12ParseOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Parse(stream, options);
    }

    public static async ValueTask<X12ParseResult> ParseAsync(PipeReader pipe, X12ParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new X12ParseOptions();
        var run = new Run(options);
        var state = default(X12ReaderState);
        byte[]? scratch = null;
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var sequence = result.Buffer;
                var final = result.IsCompleted;
                if (sequence.Length > options.MaxSegmentLength + options.BufferSize)
                {
                    pipe.AdvanceTo(sequence.End);
                    return run.TooLong(state);
                }

                var step = Step(run, sequence, final, ref state, ref scratch);
                if (step.Done is { } done)
                {
                    pipe.AdvanceTo(sequence.End);
                    return done;
                }

                pipe.AdvanceTo(sequence.GetPosition(step.Consumed), sequence.End);
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private static (long Consumed, X12ParseResult? Done) Step(Run run, ReadOnlySequence<byte> sequence, bool final, ref X12ReaderState state, ref byte[]? scratch)
    {
        ReadOnlySpan<byte> span;
        if (sequence.IsSingleSegment)
        {
            span = sequence.FirstSpan;
        }
        else
        {
            var length = (int)sequence.Length;
            if (scratch is null || scratch.Length < length)
            {
                if (scratch is not null)
                {
                    ArrayPool<byte>.Shared.Return(scratch);
                }

                scratch = ArrayPool<byte>.Shared.Rent(length);
            }

            sequence.CopyTo(scratch);
            span = scratch.AsSpan(0, length);
        }

        var reader = new X12Reader(span, final, state);
        run.Consume(ref reader);
        state = reader.CurrentState;
        if (reader.Status != X12ReadStatus.NeedMoreData || final)
        {
            return (reader.BytesConsumed, run.Finish(reader.Status, reader.UnterminatedTail, state));
        }

        return (reader.BytesConsumed, null);
    }

    /// <summary>One parse: the context, the validator, and how the end of input is judged.</summary>
    private sealed class Run(X12ParseOptions options)
    {
        private readonly X12ParseContext _context = new(options);
        private readonly X12BodyScanner _scanner = new();
        private X12EnvelopeValidator? _validator;

        public void Consume(ref X12Reader reader)
        {
            _validator ??= new X12EnvelopeValidator(_context);
            while (true)
            {
                // Inside a set, runs of body segments go straight from the separator index to the
                // builder; the reader and validator take everything else one segment at a time.
                if (_validator.BodyBuilder is { } builder && options.FastBody)
                {
                    var bytes = _scanner.Feed(reader.Remaining, reader.Delimiters, reader.NextPosition, builder, out var segments);
                    if (segments > 0)
                    {
                        reader.Skip(bytes, segments);
                        _context.Result.Segments = reader.NextPosition - 1;
                    }
                }

                if (!reader.Read())
                {
                    return;
                }

                _validator.OnSegment(reader.Segment);
            }
        }

        public X12ParseResult Finish(X12ReadStatus status, ReadOnlySpan<byte> tail, X12ReaderState state)
        {
            var result = _context.Result;
            result.Bytes = state.Offset + tail.Length;
            var last = state.SegmentCount;
            switch (status)
            {
                case X12ReadStatus.NotX12:
                    NotX12(X12ErrorCodes.NotX12, "not an X12 file: it does not start with an ISA segment");
                    return result;
                case X12ReadStatus.Utf16:
                    NotX12(X12ErrorCodes.Utf16, "the file is UTF-16 encoded; X12 is read as single-byte ASCII/UTF-8");
                    return result;
                case X12ReadStatus.MalformedIsa:
                    _context.Report(X12ErrorCodes.IsaSeparators, X12Severity.Error, last + 1, "ISA", null,
                        "the ISA's 16 elements, separators and segment terminator cannot be found", X12Scope.File);
                    if (last == 0)
                    {
                        result.IsX12 = false;
                        return result;
                    }

                    break;
                case X12ReadStatus.Unterminated when IsTrailingIea(tail, state.Delimiters):
                    // Files whose terminator is a line break often lack the last one. A complete
                    // IEA is still checked (a cut-off control number fails IEA02 = ISA13).
                    _validator ??= new X12EnvelopeValidator(_context);
                    _context.Report(X12ErrorCodes.FinalTerminatorMissing, X12Severity.Warning, last + 1, "IEA", null, "the final IEA has no segment terminator", X12Scope.File);
                    _validator.OnSegment(new X12Segment(tail.TrimEnd((byte)'\r'), state.Delimiters, last + 1, state.Offset));
                    last++;
                    break;
                case X12ReadStatus.Unterminated:
                    _context.Report(X12ErrorCodes.Unterminated, X12Severity.Error, last + 1, X12Bytes.Show(tail[..Math.Min(3, tail.Length)]), null,
                        $"the file ends with {tail.Length} bytes that no segment terminator closes: it is truncated", X12Scope.Interchange);
                    break;
                case X12ReadStatus.EndOfData when !state.SawContent:
                    NotX12(X12ErrorCodes.EmptyInput, "the file is empty");
                    return result;
                default:
                    break;
            }

            _validator ??= new X12EnvelopeValidator(_context);
            _validator.OnEnd(last);
            return result;
        }

        private static bool IsTrailingIea(ReadOnlySpan<byte> tail, X12Delimiters delimiters) =>
            tail.Length > 4 && tail.StartsWith("IEA"u8) && tail[3] == delimiters.Element;

        public X12ParseResult TooLong(X12ReaderState state)
        {
            _context.Report(X12ErrorCodes.SegmentTooLong, X12Severity.Error, state.SegmentCount + 1, string.Empty, null,
                $"no segment terminator within {options.MaxSegmentLength} bytes: this is not X12 data", X12Scope.File);
            _validator?.OnEnd(state.SegmentCount);
            _context.Result.Bytes = state.Offset;
            return _context.Result;
        }

        private void NotX12(string code, string message)
        {
            _context.Result.IsX12 = false;
            _context.Report(code, X12Severity.Error, 0, string.Empty, null, message, X12Scope.File);
        }
    }
}
