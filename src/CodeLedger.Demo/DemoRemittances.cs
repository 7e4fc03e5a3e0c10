using System.Buffers;
using System.Globalization;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Writing;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's payers: each payment run adjudicates the accepted claims it is given and writes the
/// 835 a payer sends (005010X221A1: envelope, BPR, TRN, payer with PER*BL, payee, one LX, a CLP
/// loop per claim with an SVC per line, PLB), balanced so BPR02 equals the sum of CLP04 less the
/// PLB amounts. Most claims are paid at the payer's allowed amount with the rest of the charge a
/// CO-45 contractual adjustment and the patient's part as PR-1 (deductible), PR-2 (Medicare's 20 %
/// coinsurance) or PR-3 (copay); about 5 % are denied whole, over coding, billing/front-end and
/// credentialing causes (each practice's first three denials are one of each, so every practice
/// shows all three); the demo's first denial is a CO-18 duplicate; one paid claim is reversed
/// (CLP02 22) and paid again corrected in the payer's next file; one Medicare file carries a PLB
/// L6 (interest). Every draw comes from the demo's billing generator, in the agenda's order.
/// </summary>
internal sealed class DemoRemittances(Random random)
{
    /// <summary>A claim as it left: CLM01, charge per line, the patient's name as sent, and the payer it went to.</summary>
    public sealed record SentClaim(string ClaimId, string PatientFamilyName, string PatientGivenName, IReadOnlyList<SentLine> Lines)
    {
        public decimal Charge => Lines.Sum(l => l.Charge);
    }

    public sealed record SentLine(string LineItemControlNumber, string Code, IReadOnlyList<string> Modifiers, int Units, DateOnly DateOfService, decimal Charge);

    /// <summary>A denial reason: group, CARC, RARC (or none) and why the payer gave it.</summary>
    private sealed record Denial(string Group, string Carc, string? Rarc);

    /// <summary>One adjudicated line: paid, adjustments (group, reason, amount), allowed, RARC.</summary>
    private sealed record Adjudicated(SentLine Line, decimal Paid, IReadOnlyList<(string Group, string Reason, decimal Amount)> Adjustments, decimal? Allowed, string? Rarc);

    private sealed record Adjudication(SentClaim Claim, string Status, string PayerClaimNumber, IReadOnlyList<Adjudicated> Lines)
    {
        public decimal Paid => Lines.Sum(l => l.Paid);

        public decimal PatientResponsibility => Lines.Sum(l => l.Adjustments.Where(a => a.Group == "PR").Sum(a => a.Amount));
    }

    // Coding: diagnosis inconsistent with the procedure; invalid diagnosis (CO-16 with M76); bundled (CO-97); level of service not supported (CO-150).
    private static readonly Denial[] Coding = [new("CO", "11", null), new("CO", "16", "M76"), new("CO", "97", "N20"), new("CO", "150", "M25")];

    // Billing / front end: missing information (CO-16 with MA130), coverage terminated (CO-27), another payer primary (CO-22).
    private static readonly Denial[] Billing = [new("CO", "16", "MA130"), new("CO", "27", null), new("CO", "22", null)];

    private static readonly Denial Credentialing = new("CO", "B7", "N570");

    private static readonly Denial Duplicate = new("CO", "18", null);

    private const double DenialRate = 0.05;

    private readonly Dictionary<string, int> _denials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Adjudication>> _paidBefore = new(StringComparer.Ordinal);
    private bool _duplicateDone;
    private bool _reversalDone;
    private bool _interestDone;
    private int _icn;

    /// <summary>The claim the demo reversed and paid again, once it has (CLM01).</summary>
    public string? ReversedClaim { get; private set; }

    /// <summary>The 835 of <paramref name="payer"/> to <paramref name="practice"/> paying <paramref name="claims"/> on <paramref name="paymentDate"/>, and its file name.</summary>
    public (string FileName, byte[] Content) Write(DemoBilling.Practice practice, string practiceName, DemoBilling.Payer payer, IReadOnlyList<SentClaim> claims, DateTimeOffset now)
    {
        var key = practice.Code + "/" + payer.Code;
        var number = _files[key] = _files.GetValueOrDefault(key) + 1;
        var paymentDate = DateOnly.FromDateTime(now.UtcDateTime);
        var adjudications = claims.Select(c => Adjudicate(practice, payer, c)).ToList();

        // One claim paid in an earlier file of this payer is reversed and paid again corrected:
        // the payer re-priced it 4 % lower (a fee schedule it had loaded late), in the same file.
        var reversals = new List<Adjudication>();
        if (!_reversalDone && _paidBefore.TryGetValue(key, out var earlier) && earlier.Count > 0)
        {
            var original = earlier[0];
            reversals.Add(original);
            adjudications.Add(Repriced(original, 0.96m));
            ReversedClaim = original.Claim.ClaimId;
            _reversalDone = true;
        }

        // Prompt-payment interest on the first claim of one Medicare file (PLB L6, a negative amount: paid to the provider).
        (string Reference, decimal Amount)? interest = null;
        if (!_interestDone && payer.IsMedicare && practice.Code == DemoBilling.Practices[^1].Code && adjudications.FirstOrDefault(a => a.Paid > 0) is { } late)
        {
            interest = (late.PayerClaimNumber, -decimal.Round(late.Paid * 0.0125m, 2));
            _interestDone = true;
        }

        foreach (var a in adjudications.Where(a => a.Status == "1" && a.Paid > 0))
        {
            (_paidBefore.TryGetValue(key, out var list) ? list : _paidBefore[key] = []).Add(a);
        }

        var total = adjudications.Sum(a => a.Paid) - reversals.Sum(a => a.Paid) - (interest?.Amount ?? 0);
        var control = number + (DemoBilling.Practices.ToList().FindIndex(p => p.Code == practice.Code) * 1000) + (practice.Payers.ToList().FindIndex(p => p.Code == payer.Code) * 100);
        var output = new ArrayBufferWriter<byte>();
        var w = new X12SegmentWriter(output, X12Delimiters.Default);
        string A(decimal d) => X12SegmentWriter.Amount(d);
        var date = X12SegmentWriter.Date(paymentDate);
        var time = now.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture);
        var isa = control.ToString("D9", CultureInfo.InvariantCulture);
        var payerTin = "1" + PayerTin(payer.PayerId);
        w.Segment("ISA", "00", "          ", "00", "          ", "ZZ", payer.PayerId.PadRight(15), "ZZ", practice.Etin.PadRight(15),
            paymentDate.ToString("yyMMdd", CultureInfo.InvariantCulture), time, "^", "00501", isa, "0", "P", ":");
        w.Segment("GS", "HP", payer.PayerId, practice.Etin, date, time, X12SegmentWriter.Number(control), "X", "005010X221A1");
        w.ResetCount();
        // ST03 is "not used" in the 835 guide (pyx12 refuses it), unlike the 837P's.
        w.Segment("ST", "835", "0001");
        var trace = string.Create(CultureInfo.InvariantCulture, $"{payer.PayerId}{paymentDate:yyMMdd}{number:D3}");
        if (total == 0)
        {
            // Nothing paid (every claim denied): a notification, no money moves.
            w.Segment("BPR", "H", "0", "C", "NON", null, null, null, null, null, null, null, null, null, null, null, date);
        }
        else
        {
            w.Segment("BPR", "I", A(total), "C", "ACH", "CCP", "01", "071000013", "DA", "5550001234", payerTin, null, "01", "071923909", "DA", "4400" + practice.Npi[..6], date);
        }

        w.Segment("TRN", "1", trace, payerTin);
        w.Segment("DTM", "405", date);
        w.Segment("N1", "PR", payer.Name.ToUpperInvariant());
        w.Segment("N3", payer.IsMedicare ? "PO BOX 6475" : "PO BOX 981106");
        w.Segment("N4", payer.IsMedicare ? "INDIANAPOLIS" : "EL PASO", payer.IsMedicare ? "IN" : "TX", payer.IsMedicare ? "462066475" : "799981106");
        w.Segment("PER", "BL", "PROVIDER SERVICES", "TE", "8775550100");
        w.Segment("N1", "PE", practiceName.ToUpperInvariant(), "XX", practice.Npi);
        w.Segment("N3", practice.Address.Line1.ToUpperInvariant());
        w.Segment("N4", practice.Address.City.ToUpperInvariant(), practice.Address.State, practice.Address.Zip);
        w.Segment("REF", "TJ", practice.Ein);
        w.Segment("LX", "1");
        foreach (var r in reversals)
        {
            WriteReversal(w, payer, r);
        }

        foreach (var a in adjudications)
        {
            WriteClaim(w, payer, a);
        }

        if (interest is { } plb)
        {
            w.Segment("PLB", practice.Npi, X12SegmentWriter.Date(new DateOnly(paymentDate.Year, 12, 31)), w.Composite("L6", plb.Reference), A(plb.Amount));
        }

        w.Segment("SE", X12SegmentWriter.Number(w.Count + 1), "0001");
        w.Segment("GE", "1", X12SegmentWriter.Number(control));
        w.Segment("IEA", "1", isa);
        return (string.Create(CultureInfo.InvariantCulture, $"835-{payer.Code}-{paymentDate:yyyyMMdd}-{number:D3}.835"), output.WrittenSpan.ToArray());
    }

    private Adjudication Adjudicate(DemoBilling.Practice practice, DemoBilling.Payer payer, SentClaim claim)
    {
        var icn = NextIcn(payer);
        if (random.NextDouble() < DenialRate || !_duplicateDone)
        {
            var denial = NextDenial(practice);
            return new Adjudication(claim, "4", icn, [.. claim.Lines.Select(l => new Adjudicated(l, 0m, [(denial.Group, denial.Carc, l.Charge)], null, denial.Rarc))]);
        }

        // The patient's part: Medicare's 20 % coinsurance (now and then the deductible not yet met),
        // a commercial plan's copay on the visit (now and then a deductible instead).
        var deductible = random.NextDouble() < (payer.IsMedicare ? 0.03 : 0.08);
        var lines = new List<Adjudicated>();
        var copayLeft = practice.Copay;
        foreach (var l in claim.Lines)
        {
            var allowed = Math.Min(l.Charge, decimal.Round((DemoBilling.MedicareAllowed(l.Code) ?? l.Charge * 0.5m) * payer.AllowedOfMedicare * l.Units, 2, MidpointRounding.AwayFromZero));
            var adjustments = new List<(string, string, decimal)>();
            if (l.Charge > allowed)
            {
                adjustments.Add(("CO", "45", l.Charge - allowed));
            }

            decimal patient;
            if (deductible)
            {
                patient = allowed;
                adjustments.Add(("PR", "1", patient));
            }
            else if (payer.IsMedicare)
            {
                patient = decimal.Round(allowed * 0.20m, 2, MidpointRounding.AwayFromZero);
                adjustments.Add(("PR", "2", patient));
            }
            else
            {
                patient = Math.Min(copayLeft, allowed);
                copayLeft -= patient;
                if (patient > 0)
                {
                    adjustments.Add(("PR", "3", patient));
                }
            }

            lines.Add(new Adjudicated(l, allowed - patient, adjustments, allowed, null));
        }

        return new Adjudication(claim, "1", icn, lines);
    }

    /// <summary>The same claim adjudicated again with its allowed amounts times <paramref name="share"/>, under the original's payer claim number.</summary>
    private static Adjudication Repriced(Adjudication original, decimal share) =>
        original with
        {
            Lines = [.. original.Lines.Select(l =>
            {
                var allowed = decimal.Round(l.Allowed!.Value * share, 2, MidpointRounding.AwayFromZero);
                var patientBefore = l.Adjustments.Where(a => a.Group == "PR").ToList();
                var patient = Math.Min(allowed, patientBefore.Sum(a => a.Amount));
                var adjustments = new List<(string, string, decimal)> { ("CO", "45", l.Line.Charge - allowed) };
                adjustments.AddRange(patientBefore.Select(a => (a.Group, a.Reason, Math.Min(a.Amount, patient))));
                return new Adjudicated(l.Line, allowed - patient, adjustments, allowed, null);
            })],
        };

    private Denial NextDenial(DemoBilling.Practice practice)
    {
        if (!_duplicateDone)
        {
            // The payer's system took the claim for one it already had: a duplicate denial, counted apart.
            _duplicateDone = true;
            return Duplicate;
        }

        var n = _denials[practice.Code] = _denials.GetValueOrDefault(practice.Code) + 1;
        var roll = n switch
        {
            1 => 0.0,
            2 => 0.5,
            3 => 0.95,
            _ => random.NextDouble(),
        };

        // Half coding, 45 % billing and front end, 5 % credentialing.
        return roll switch
        {
            < 0.5 => Coding[random.Next(Coding.Length)],
            < 0.95 => Billing[random.Next(Billing.Length)],
            _ => Credentialing,
        };
    }

    private static void WriteClaim(X12SegmentWriter w, DemoBilling.Payer payer, Adjudication a)
    {
        string A(decimal d) => X12SegmentWriter.Amount(d);
        w.Segment("CLP", a.Claim.ClaimId, a.Status, A(a.Claim.Charge), A(a.Paid), a.PatientResponsibility == 0 ? null : A(a.PatientResponsibility),
            payer.IsMedicare ? "MB" : "12", a.PayerClaimNumber, "11", "1");
        w.Segment("NM1", "QC", "1", a.Claim.PatientFamilyName.ToUpperInvariant(), a.Claim.PatientGivenName.ToUpperInvariant());
        foreach (var l in a.Lines)
        {
            w.Segment("SVC", w.Composite(["HC", l.Line.Code, .. l.Line.Modifiers]), A(l.Line.Charge), A(l.Paid), null, X12SegmentWriter.Number(l.Line.Units));
            w.Segment("DTM", "472", X12SegmentWriter.Date(l.Line.DateOfService));
            foreach (var group in l.Adjustments.GroupBy(x => x.Group, StringComparer.Ordinal))
            {
                w.Segment("CAS", [group.Key, .. group.SelectMany(x => new[] { x.Reason, A(x.Amount) })]);
            }

            w.Segment("REF", "6R", l.Line.LineItemControlNumber);
            if (l.Allowed is { } allowed)
            {
                w.Segment("AMT", "B6", A(allowed));
            }

            if (l.Rarc is { } rarc)
            {
                w.Segment("LQ", "HE", rarc);
            }
        }
    }

    /// <summary>CLP02 22: the earlier payment taken back whole, every amount negated, under the same payer claim number.</summary>
    private static void WriteReversal(X12SegmentWriter w, DemoBilling.Payer payer, Adjudication a)
    {
        string A(decimal d) => X12SegmentWriter.Amount(d);
        w.Segment("CLP", a.Claim.ClaimId, "22", A(-a.Claim.Charge), A(-a.Paid), a.PatientResponsibility == 0 ? null : A(-a.PatientResponsibility),
            payer.IsMedicare ? "MB" : "12", a.PayerClaimNumber, "11", "1");
        foreach (var group in a.Lines.SelectMany(l => l.Adjustments).GroupBy(x => (x.Group, x.Reason)).GroupBy(g => g.Key.Group, StringComparer.Ordinal))
        {
            w.Segment("CAS", [group.Key, .. group.SelectMany(g => new[] { g.Key.Reason, A(-g.Sum(x => x.Amount)) })]);
        }

        w.Segment("NM1", "QC", "1", a.Claim.PatientFamilyName.ToUpperInvariant(), a.Claim.PatientGivenName.ToUpperInvariant());
    }

    /// <summary>A payer claim control number in the payer's style: Medicare's 13-digit ICN, a commercial payer's letter and digits.</summary>
    private string NextIcn(DemoBilling.Payer payer)
    {
        _icn++;
        return payer.IsMedicare
            ? string.Create(CultureInfo.InvariantCulture, $"2226{random.Next(100, 999)}{_icn:D6}")
            : string.Create(CultureInfo.InvariantCulture, $"{payer.Code[0]}{random.Next(1000, 9999)}{_icn:D7}");
    }

    /// <summary>A made-up payer EIN (nine digits) derived from its payer id, for TRN03 and BPR10.</summary>
    private static string PayerTin(string payerId) => ("9" + payerId.PadLeft(8, '0'))[..9];
}
