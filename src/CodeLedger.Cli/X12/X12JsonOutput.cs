using System.Buffers;
using System.Text;
using System.Text.Json;
using CodeLedger.X12;
using CodeLedger.X12.Envelope;

namespace CodeLedger.Cli.X12;

/// <summary>
/// Writes JSON to the command's text output in chunks, so that a file with millions of claims
/// is printed claim by claim without ever holding the whole document.
/// </summary>
internal sealed class X12JsonOutput : IDisposable
{
    private readonly TextWriter _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public X12JsonOutput(TextWriter output)
    {
        _out = output;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Moves what has been written so far to the output.</summary>
    public void Drain(bool force = false)
    {
        if (!force && Writer.BytesPending + _buffer.WrittenCount < 48 * 1024)
        {
            return;
        }

        Writer.Flush();
        _out.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }

    public static string? KindName(X12DocumentKind kind) => kind switch
    {
        X12DocumentKind.Claim837P => "837P",
        X12DocumentKind.Remittance835 => "835",
        X12DocumentKind.Acknowledgment999 => "999",
        X12DocumentKind.ClaimAcknowledgment277 => "277CA",
        X12DocumentKind.Mixed => "mixed",
        _ => null,
    };

    public void WriteSummary(X12ParseResult result)
    {
        var w = Writer;
        var kind = KindName(result.Kind);
        if (kind is null)
        {
            w.WriteNull("kind");
        }
        else
        {
            w.WriteString("kind", kind);
        }

        if (result.Version is null)
        {
            w.WriteNull("version");
        }
        else
        {
            w.WriteString("version", result.Version);
        }

        w.WriteNumber("interchanges", result.Interchanges);
        w.WriteNumber("transactions", result.Transactions);
        w.WriteNumber("claims", result.Claims);
        w.WriteNumber("totalCharge", result.TotalCharge);
        if (result.Kind == X12DocumentKind.Remittance835)
        {
            w.WriteNumber("totalPaid", result.TotalPaid);
            w.WriteNumber("totalPayment", result.TotalPayment);
        }

        w.WriteStartArray("errors");
        foreach (var error in result.Errors)
        {
            w.WriteStartObject();
            w.WriteString("code", error.Code);
            w.WriteString("severity", error.Severity == X12Severity.Error ? "error" : "warning");
            w.WriteNumber("segment", error.Segment);
            w.WriteString("segmentId", error.SegmentId);
            if (error.Element is { } element)
            {
                w.WriteNumber("element", element);
            }
            else
            {
                w.WriteNull("element");
            }

            // The guide's loop the finding is in (null for the header and the envelope).
            w.WriteString("loop", error.Loop);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
            Drain();
        }

        w.WriteEndArray();
        if (result.ErrorsNotKept > 0)
        {
            w.WriteNumber("errorsNotListed", result.ErrorsNotKept);
        }
    }

    public void Dispose() => Writer.Dispose();
}
