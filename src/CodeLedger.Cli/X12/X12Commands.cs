using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CodeLedger.Cli.Database;
using CodeLedger.Storage.X12;
using CodeLedger.X12;
using CodeLedger.X12.Acknowledgments;

namespace CodeLedger.Cli.X12;

/// <summary>
/// <c>codeledger x12 parse FILE [--json] [--claims]</c> and <c>codeledger x12 ack FILE --out FILE.999</c>.
/// Exit status: 0 no error-severity finding, 1 structural errors, 2 not X12, not 005010 or unreadable.
/// Neither command imports anything: they read, report, and (ack) write the acknowledgment, taking
/// its control numbers from the database's counter for the partner it goes to.
/// </summary>
internal static class X12Commands
{
    public static Command Create(CliConsole console)
    {
        var x12 = new Command("x12", "read, check and acknowledge ASC X12 005010 files (837P, 835, 999)");
        x12.Subcommands.Add(Parse(console));
        x12.Subcommands.Add(Ack(console));
        return x12;
    }

    private static Command Parse(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the X12 file to read" };
        var json = CommonOptions.Json();
        var claims = new Option<bool>("--claims") { Description = "also print every claim" };
        var command = new Command("parse", "parse an 837P, 835 or 999, check envelope, structure and balancing, print counts and totals");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(claims);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var asJson = parse.GetValue(json);
            var withClaims = parse.GetValue(claims);
            using var stream = Open(path);
            using var output = asJson ? new X12JsonOutput(console.Out) : null;
            X12ClaimSink? sink = withClaims ? new X12ClaimJsonSink(output, asJson ? null : console.Out) : null;
            output?.Writer.WriteStartObject();
            if (withClaims)
            {
                output?.Writer.WriteStartArray("claimDetails");
            }

            var result = X12Parser.Parse(stream, new X12ParseOptions { Sink = sink });
            if (output is not null)
            {
                if (withClaims)
                {
                    output.Writer.WriteEndArray();
                }

                output.WriteSummary(result);
                output.Writer.WriteEndObject();
                output.Drain(force: true);
                console.Out.WriteLine();
            }
            else
            {
                WriteText(console, path, result);
            }

            return ExitCode(result);
        });
        return command;
    }

    private static Command Ack(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the inbound X12 file (usually an 837P)" };
        var output = new Option<FileInfo>("--out") { Description = "where to write the 999", Required = true };
        var ta1 = new Option<FileInfo?>("--ta1") { Description = "where to write a TA1 when one is due (default: the --out path with extension .ta1)" };
        var controlNumber = new Option<int?>("--control-number")
        {
            Description = "number the 999 (ISA13, GS06) with this instead of the next from the database's counter for its partner; a TA1 written with it takes the number after",
        };
        var json = CommonOptions.Json();
        var command = new Command("ack", "write the 999 (and TA1 when asked for or when the envelope is broken) for an inbound file");
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(ta1);
        command.Options.Add(controlNumber);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var outPath = parse.GetValue(output)!;
            var ta1Path = parse.GetValue(ta1) ?? new FileInfo(Path.ChangeExtension(outPath.FullName, ".ta1"));
            var given = parse.GetValue(controlNumber);
            if (given is < 1 or > X12AckOptions.MaxControlNumber)
            {
                throw new CliException($"--control-number {given}: an interchange control number is 1 to 999999999");
            }

            X12ParseResult result;
            using (var stream = Open(path))
            {
                result = X12Parser.Parse(stream);
            }

            if (!result.IsX12)
            {
                throw new CliException($"{path.Name}: {result.Errors[0].Code} {result.Errors[0].Message}; no acknowledgment can be addressed", ExitCodes.UsageOrUnreadable);
            }

            // Reserved before anything is written: a number lost to a failed write leaves a gap,
            // which partners accept; a number written twice to the same partner they may not.
            var envelopes = X12Acknowledger.Envelopes(result);
            var due = new[] { envelopes.Ack999, envelopes.Ta1 }.OfType<X12Parties>().ToList();
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var reserved = new Queue<int>(await X12ControlNumbers.ReserveAsync(store, due, given, ct));
            var ack999Number = envelopes.Ack999 is null ? 0 : reserved.Dequeue();
            var ta1Number = envelopes.Ta1 is null ? 0 : reserved.Dequeue();
            var acks = X12Acknowledger.Create(result, new X12AckOptions(console.Time.GetUtcNow(), ack999Number, ta1Number));
            if (acks.Ack999 is not null)
            {
                File.WriteAllBytes(outPath.FullName, acks.Ack999);
            }

            if (acks.Ta1 is not null)
            {
                File.WriteAllBytes(ta1Path.FullName, acks.Ta1);
            }

            if (parse.GetValue(json))
            {
                var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    w.WriteString("ack999", acks.Ack999 is null ? null : outPath.FullName);
                    w.WriteString("status999", acks.Ack999 is null ? null : acks.Ack999Status);
                    WriteNumber(w, "controlNumber999", acks.Ack999 is null ? null : ack999Number);
                    w.WriteString("ta1", acks.Ta1 is null ? null : ta1Path.FullName);
                    w.WriteString("statusTa1", acks.Ta1 is null ? null : acks.Ta1Status);
                    WriteNumber(w, "controlNumberTa1", acks.Ta1 is null ? null : ta1Number);
                    w.WriteEndObject();
                }

                await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                if (acks.Ack999 is not null)
                {
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"999 written to {outPath.FullName}: AK9 {acks.Ack999Status}, control number {ack999Number}"));
                }

                if (acks.Ta1 is not null)
                {
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"TA1 written to {ta1Path.FullName}: TA104 {acks.Ta1Status}, control number {ta1Number}"));
                }
            }

            var rejected = acks.Ta1Status == "R" || acks.Ack999Status is "R" or "P";
            return rejected ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static int ExitCode(X12ParseResult result) =>
        !result.IsReadable ? ExitCodes.UsageOrUnreadable : result.HasErrors ? ExitCodes.CheckFailed : ExitCodes.Success;

    private static FileStream Open(FileInfo path)
    {
        try
        {
            return new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}", ExitCodes.UsageOrUnreadable);
        }
    }

    private static void WriteText(CliConsole console, FileInfo path, X12ParseResult result)
    {
        var o = console.Out;
        var kind = X12JsonOutput.KindName(result.Kind) ?? "unknown";
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path.Name}: {kind}{(result.Version is { Length: > 0 } v ? " " + v : string.Empty)}, {result.Interchanges} interchange(s), {result.Transactions} transaction set(s), {result.Claims} claim(s), total charge {result.TotalCharge}"));
        if (result.Kind == global::CodeLedger.X12.Envelope.X12DocumentKind.Remittance835)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  total paid {result.TotalPaid}, total payment (BPR02) {result.TotalPayment}"));
        }

        foreach (var error in result.Errors)
        {
            var element = error.Element is { } e ? e.ToString("00", CultureInfo.InvariantCulture) : string.Empty;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {error.Code} {(error.Severity == X12Severity.Error ? "error  " : "warning")} segment {error.Segment} {error.SegmentId}{element}{(error.Loop is { } loop ? $" (loop {loop})" : string.Empty)}: {error.Message}"));
        }

        if (result.ErrorsNotKept > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {result.ErrorsNotKept} more findings"));
        }
    }
}
