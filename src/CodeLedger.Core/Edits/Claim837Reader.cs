using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.X12;
using CodeLedger.X12.Claims837;

namespace CodeLedger.Core.Edits;

/// <summary>
/// Reads an 837P into the edit engine's claims, streaming one claim at a time: each claim goes to
/// the caller as the parser finishes it, and none is kept. An 837P claim may span several dates of
/// service while the engine judges one date at a time (NCCI and MUE are per date of service), so a
/// claim's lines are grouped by their DTP*472 date; every group keeps the claim's id (CLM01) and
/// the lines keep their LX numbers, so findings point at the file. Structural X12 errors become
/// INPUT-MALFORMED findings naming the segment position and code; the parser knows them only at
/// the end, so <see cref="Check"/> reads the file once for them before <see cref="Read"/> streams.
/// </summary>
public static class Claim837Reader
{
    /// <summary>
    /// The structural errors of the file as INPUT-MALFORMED findings (at most
    /// <see cref="X12ParseOptions.MaxErrors"/>). Throws <see cref="FormatException"/> when the file
    /// is not X12 or holds no claims to scrub.
    /// </summary>
    public static ImmutableArray<EditFinding> Check(Stream stream)
    {
        var result = X12Parser.Parse(stream);
        if (!result.IsX12)
        {
            throw new FormatException(result.Errors.Count > 0 ? $"{result.Errors[0].Code}: {result.Errors[0].Message}" : "not an X12 file");
        }

        if (result.Kind is not X12.Envelope.X12DocumentKind.Claim837P and not X12.Envelope.X12DocumentKind.Unknown)
        {
            throw new FormatException($"an X12 {result.Kind} file holds no claims to scrub; give an 837P");
        }

        return [.. result.Errors
            .Where(e => e.Severity == X12Severity.Error)
            .Select(e => new EditFinding(
                "INPUT-MALFORMED", EditSeverity.Error, string.Empty, checked((int)Math.Min(e.Segment, int.MaxValue)), [e.Code],
                string.Create(CultureInfo.InvariantCulture, $"X12 {e.Code} at segment {e.Segment} ({e.SegmentId}{(e.Element is > 0 ? $", element {e.Element}" : string.Empty)}): {e.Message}")))];
    }

    /// <summary>Passes each claim (one per date of service of each 837P claim) to <paramref name="onClaim"/> in file order; returns the service lines read.</summary>
    public static int Read(Stream stream, Action<Claim> onClaim)
    {
        var sink = new Sink(onClaim);
        X12Parser.Parse(stream, new X12ParseOptions { Sink = sink });
        return sink.Lines;
    }

    public static IEnumerable<Claim> ToClaims(Claim837 claim)
    {
        var patientBirth = claim.Patient?.BirthDate ?? claim.Subscriber.BirthDate;
        var sex = (claim.Patient?.Gender ?? claim.Subscriber.Gender) is { Length: > 0 } g ? g[0] : 'U';
        var diagnoses = claim.Diagnoses.Select(d => d.Code).ToList();
        foreach (var group in claim.Lines.GroupBy(l => l.ServiceFrom).OrderBy(g => g.Key))
        {
            var first = group.First();
            var npi = Npi(first.Rendering) ?? Npi(claim.Rendering) ?? Npi(claim.BillingProvider.Name) ?? string.Empty;
            var lines = group.Select(l => ClaimLine.Create(
                l.LineNumber,
                l.ProcedureCode,
                l.Modifiers,
                checked((int)Math.Ceiling(l.Units)),
                Money.TryFromDecimal(l.Charge, out var charge) ? charge : Money.FromDecimal(decimal.Round(l.Charge, 2)),
                l.DiagnosisPointers));
            yield return Claim.Create(claim.PatientControlNumber, group.Key, first.PlaceOfService ?? claim.PlaceOfService, npi, patientBirth, sex, diagnoses, lines);
        }
    }

    private static string? Npi(X12.Envelope.X12Name? name) => name is { IdQualifier: "XX", Id: { Length: > 0 } id } ? id : null;

    private sealed class Sink(Action<Claim> onClaim) : X12ClaimSink
    {
        public int Lines { get; private set; }

        public override void OnClaim837(Claim837 claim)
        {
            Lines += claim.Lines.Count;
            foreach (var c in ToClaims(claim))
            {
                onClaim(c);
            }
        }
    }
}
