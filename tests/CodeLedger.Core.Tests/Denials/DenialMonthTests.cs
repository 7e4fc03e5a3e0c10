using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Remittances;
using CodeLedger.Core.Turnaround;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Denials;

public sealed class DenialMonthTests
{
    private static readonly SlaMonth March = SlaMonth.Parse("2024-03");

    private static PostedAdjustment Cas(string group, string carc, decimal amount, params string[] rarcs) =>
        new(group, carc, amount, RemittancePoster.Kind(group), rarcs);

    private static ClaimPosting Posting(string claim, decimal charge, decimal paid, params PostedAdjustment[] adjustments) =>
        new(1, claim, "CCN-" + claim, paid == 0 ? ClaimStatus.Denied : "1", charge, paid, null, [],
            [new LinePosting(1, 1, "99213", [], charge, paid, adjustments, [.. adjustments.SelectMany(a => a.Remarks).Distinct()])], null);

    private static ClaimHistory Claim(string id, decimal charge, DateOnly submitted, params (DateOnly On, ClaimPosting Posting)[] postings) =>
        new(id, "P-NORTH", "PAYER01", submitted.AddDays(-3), submitted, charge, AcceptedOnFirstAcknowledgment: true, Submissions: 1,
            [.. postings.Select(p => new DatedPosting(p.On, p.Posting))]);

    private static DateOnly Mar(int day) => new(2024, 3, day);

    private static DenialMonthReport Compute(params ClaimHistory[] claims) => DenialMonth.Compute("P-NORTH", March, claims, DenialRules.Default);

    [Fact]
    public void The_denial_rate_counts_claims_and_dollars_adjudicated_in_the_month_by_root_cause_and_CARC()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1), (Mar(10), Posting("A", 100m, 70m, Cas("CO", "45", 30m)))),
            Claim("B", 200m, Mar(1), (Mar(11), Posting("B", 200m, 0m, Cas("CO", "16", 200m, "M76")))),
            Claim("C", 100m, Mar(2), (Mar(12), Posting("C", 100m, 0m, Cas("CO", "197", 100m)))),
            Claim("D", 100m, Mar(2), (Mar(12), Posting("D", 100m, 80m, Cas("PR", "2", 20m)))));

        Assert.Equal((4, 500m, 2, 300m), (report.AdjudicatedClaims, report.AdjudicatedCharges, report.DeniedClaims, report.DeniedDollars));
        Assert.Equal((0.5m, 0.6m), (report.ClaimDenialRate, report.DollarDenialRate));
        Assert.Equal([new DenialCount("Coding", 1, 200m), new DenialCount("BillingFrontEnd", 1, 100m)], report.ByRootCause);
        Assert.Equal([new DenialCount("16", 1, 200m), new DenialCount("197", 1, 100m)], report.ByCarc);
        Assert.Equal([new DenialCount("M76", 1, 200m)], report.ByRarc);
    }

    [Fact]
    public void Duplicate_denials_are_counted_apart_and_left_out_of_the_rate()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1), (Mar(10), Posting("A", 100m, 70m, Cas("CO", "45", 30m)))),
            Claim("A2", 100m, Mar(1), (Mar(10), Posting("A2", 100m, 0m, Cas("OA", "18", 100m)))));

        Assert.Equal((1, 0, 1, 100m), (report.AdjudicatedClaims, report.DeniedClaims, report.DuplicateClaims, report.DuplicateDollars));
        Assert.Equal(0m, report.ClaimDenialRate);
    }

    [Fact]
    public void Postings_of_another_month_or_practice_do_not_count()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1), (new DateOnly(2024, 4, 2), Posting("A", 100m, 0m, Cas("CO", "16", 100m)))),
            Claim("B", 100m, Mar(1), (Mar(5), Posting("B", 100m, 0m, Cas("CO", "16", 100m)))) with { Practice = "P-SOUTH" });

        Assert.Equal((0, 0), (report.AdjudicatedClaims, report.DeniedClaims));
        Assert.Null(report.ClaimDenialRate);
    }

    [Fact]
    public void The_clean_claim_rate_is_claims_first_submitted_in_the_month_accepted_on_the_first_acknowledgments()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1)),
            Claim("B", 100m, Mar(2)) with { AcceptedOnFirstAcknowledgment = false },
            Claim("C", 100m, Mar(3)),
            Claim("D", 100m, new DateOnly(2024, 2, 28)));

        Assert.Equal((3, 2), (report.SubmittedClaims, report.CleanClaims));
        Assert.Equal(decimal.Round(2m / 3, 6), report.CleanClaimRate);
    }

    [Fact]
    public void First_pass_resolution_is_claims_first_adjudicated_in_the_month_without_denial_or_resubmission()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1), (Mar(10), Posting("A", 100m, 70m, Cas("CO", "45", 30m)))),
            Claim("B", 100m, Mar(1), (Mar(10), Posting("B", 100m, 70m, Cas("CO", "45", 30m)))) with { Submissions = 2 },
            Claim("C", 100m, Mar(1), (Mar(10), Posting("C", 100m, 0m, Cas("CO", "11", 100m)))));

        Assert.Equal((3, 1), (report.FirstAdjudicatedClaims, report.FirstPassClaims));
    }

    [Fact]
    public void Days_to_payment_run_from_service_and_from_submission_to_the_first_payment()
    {
        var report = Compute(
            Claim("A", 100m, Mar(1), (Mar(11), Posting("A", 100m, 70m, Cas("CO", "45", 30m)))),
            Claim("B", 100m, Mar(1), (Mar(21), Posting("B", 100m, 70m, Cas("CO", "45", 30m)))),
            Claim("C", 100m, Mar(1), (Mar(5), Posting("C", 100m, 0m, Cas("CO", "11", 100m)))));

        Assert.Equal(new DaysToPayment(2, 15m, 15m), report.FromSubmission);
        Assert.Equal(new DaysToPayment(2, 18m, 18m), report.FromService);
    }

    [Fact]
    public void AR_aging_puts_each_open_balance_in_its_bucket_by_payer_as_of_the_date()
    {
        var claims = new[]
        {
            Claim("A", 100m, new DateOnly(2024, 3, 20), (Mar(25), Posting("A", 100m, 60m, Cas("CO", "45", 30m)))),
            Claim("B", 200m, new DateOnly(2024, 1, 15)),
            Claim("C", 50m, new DateOnly(2023, 10, 1)) with { PayerId = "PAYER02" },
            Claim("D", 80m, new DateOnly(2024, 3, 1), (Mar(5), Posting("D", 80m, 80m))),
        };

        var report = DenialMonth.Compute("P-NORTH", March, claims, DenialRules.Default, asOf: Mar(31));

        Assert.Equal([new AgingRow("PAYER01", 10m, 0m, 200m, 0m, 0m, 2), new AgingRow("PAYER02", 0m, 0m, 0m, 0m, 50m, 1)], report.Aging);
    }

    [Fact]
    public void A_reversal_reopens_the_balance_it_had_paid()
    {
        var paid = Posting("A", 100m, 70m, Cas("CO", "45", 30m));
        var reversal = paid with { Position = 2, Status = ClaimStatus.Reversal, Charge = -100m, Paid = -70m,
            Lines = [paid.Lines[0] with { Charge = -100m, Paid = -70m, Adjustments = [Cas("CO", "45", -30m)] }], Reverses = new ReversalOf(new PaymentKey("P", "T"), 1) };

        var report = Compute(Claim("A", 100m, Mar(1), (Mar(10), paid), (Mar(20), reversal)));

        Assert.Equal(100m, Assert.Single(report.Aging).Total);
    }

    [Fact]
    public void An_AR_date_before_the_month_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => DenialMonth.Compute("P-NORTH", March, [], DenialRules.Default, asOf: new DateOnly(2024, 2, 1)));

        Assert.Equal("DENIAL-FIGURES-INVALID", error.Code);
    }

    [Fact]
    public void The_aging_buckets_sum_to_the_open_balance() =>
        Properties.ForAll(
            (from charge in Gen.Choose(1, 100_000)
             from paid in Gen.Choose(0, charge)
             from age in Gen.Choose(0, 400)
             from payer in Gen.Elements("PAYER01", "PAYER02", "PAYER03")
             select (charge, paid, age, payer)).ArrayOf(),
            claims =>
            {
                var histories = claims.Select((c, i) => Claim($"C{i}", c.charge / 100m, Mar(31).AddDays(-c.age),
                    (Mar(31).AddDays(-c.age), Posting($"C{i}", c.charge / 100m, c.paid / 100m)))
                    with { PayerId = c.payer }).ToArray();

                var report = DenialMonth.Compute("P-NORTH", March, histories, DenialRules.Default, asOf: Mar(31));

                var open = claims.Sum(c => (c.charge - c.paid) / 100m);
                Assert.Equal(open, report.Aging.Sum(a => a.Total));
                Assert.All(report.Aging, a => Assert.Equal(a.Total, a.Days0To30 + a.Days31To60 + a.Days61To90 + a.Days91To120 + a.Over120));
            });
}
