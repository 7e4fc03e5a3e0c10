using System.Globalization;
using System.Text;
using CodeLedger.Core.Remittances;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;
using static CodeLedger.Core.Tests.Remittances.RemitFixtures;

namespace CodeLedger.Core.Tests.Remittances;

/// <summary>Posting rules checked on generated balanced 835s (fixed replay seed, tests/Shared/Properties.cs).</summary>
public sealed class RemittanceProperties
{
    /// <summary>A line: charge, contractual and patient cents, the payment being what is left.</summary>
    private sealed record GenLine(int Charge, int Contractual, int Patient);

    private static readonly Gen<GenLine> Lines =
        from charge in Gen.Choose(1, 100_000)
        from contractual in Gen.Choose(0, charge)
        from patient in Gen.Choose(0, charge - contractual)
        select new GenLine(charge, contractual, patient);

    private static readonly Gen<GenLine[][]> Claims = Gen.Choose(1, 4).SelectMany(n => Lines.ArrayOf(n)).ArrayOf().Where(c => c.Length > 0);

    private static string Cents(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static (string Text, List<RemitClaim> Claims) Advice(GenLine[][] claims, string trace = "EFT1")
    {
        var clps = new StringBuilder();
        var known = new List<RemitClaim>();
        long total = 0;
        for (var c = 0; c < claims.Length; c++)
        {
            var lines = claims[c];
            long charge = lines.Sum(l => (long)l.Charge), paid = lines.Sum(l => (long)(l.Charge - l.Contractual - l.Patient)), patient = lines.Sum(l => (long)l.Patient);
            total += paid;
            clps.Append(CultureInfo.InvariantCulture, $"CLP*G-{c}*1*{Cents(charge)}*{Cents(paid)}*{Cents(patient)}*12*PCCN{c}~NM1*QC*1*X~");
            var claimLines = new List<RemitClaimLine>();
            for (var l = 0; l < lines.Length; l++)
            {
                var line = lines[l];
                clps.Append(CultureInfo.InvariantCulture, $"SVC*HC:99213*{Cents(line.Charge)}*{Cents(line.Charge - line.Contractual - line.Patient)}**1~DTM*472*20240301~");
                clps.Append(CultureInfo.InvariantCulture, $"CAS*CO*45*{Cents(line.Contractual)}~CAS*PR*1*{Cents(line.Patient)}~");
                claimLines.Add(new RemitClaimLine(l + 1, null, "99213", [], 1, new DateOnly(2024, 3, 1), line.Charge / 100m));
            }

            known.Add(new RemitClaim($"G-{c}", Practice, "PAYER01", null, charge / 100m, claimLines));
        }

        return (Text(trace, Cents(total), clps.ToString()), known);
    }

    [Fact]
    public void Posted_payments_equal_the_sum_of_CLP04_and_every_claim_is_fully_distributed() =>
        Properties.ForAll(Claims, claims =>
        {
            var (text, known) = Advice(claims);
            var advice = ReadOne(text);

            var plan = RemittancePoster.Plan(advice, RemittanceBook.Of(known));

            Assert.Equal(advice.Claims.Sum(c => c.Paid), plan.PostedPayments);
            Assert.Equal(advice.Header.TotalPayment, plan.NetPayment);
            Assert.All(plan.Claims, c => Assert.Equal(0m, c.UnallocatedPaid));
            Assert.All(plan.Claims, c => Assert.Equal(c.Charge, c.Paid + c.AdjustmentTotal));
        }, count: 100);

    [Fact]
    public void Post_then_reverse_leaves_every_claim_balance_where_it_was() =>
        Properties.ForAll(Claims, claims =>
        {
            var (text, known) = Advice(claims);
            var book = RemittanceBook.Of(known);
            var paid = RemittancePoster.Plan(ReadOne(text), book);
            var reversals = new StringBuilder();
            foreach (var c in paid.Claims)
            {
                reversals.Append(CultureInfo.InvariantCulture,
                    $"CLP*{c.ClaimId}*22*{Cents(-(long)(c.Charge * 100))}*{Cents(-(long)(c.Paid * 100))}*0*12*{c.PayerClaimControlNumber}~CAS*OA*23*{Cents(-(long)((c.Charge - c.Paid) * 100))}~");
            }

            var reversal = RemittancePoster.Plan(ReadOne(Text("EFT-REV", Cents(-(long)(paid.PostedPayments * 100)), reversals.ToString())), book.After(paid));

            foreach (var claim in known)
            {
                var change = paid.Claims.Concat(reversal.Claims).Where(c => c.ClaimId == claim.ClaimId).Sum(c => c.Paid + c.AdjustmentTotal);
                Assert.Equal(0m, change);
            }

            Assert.All(reversal.Claims, r => Assert.NotNull(r.Reverses));
        }, count: 100);
}
