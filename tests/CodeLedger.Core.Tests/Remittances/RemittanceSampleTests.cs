using System.Text.Json;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Remittances;
using CodeLedger.Testing;
using static CodeLedger.Core.Tests.Remittances.RemitFixtures;

namespace CodeLedger.Core.Tests.Remittances;

/// <summary>
/// Every 005010 835 in ../shared/data/x12-samples/835, each transaction set posted against the
/// claims its own CLPs and SVCs describe (and, for its reversals, the original payments posted
/// from an earlier 835).
/// </summary>
public sealed class RemittanceSampleTests
{
    /// <summary>
    /// The sample files whose transaction sets do not balance, and why (checked by hand): the two
    /// de-identified Nth files replaced amounts with 9s (CLP03 999.99 against CAS totalling 1099.98),
    /// and linuxforhealth's tertiary-payment.835 writes SVC01 as "HC" with no code, so the charge
    /// reads as 24599.00. Every other file balances; these are posted only accepted unbalanced.
    /// </summary>
    private static readonly HashSet<string> Unbalanced = new(StringComparer.Ordinal)
    {
        "oopfactory/835_WithMultipleInterchanges.txt", "oopfactory/ExampleFromNth.txt", "linuxforhealth/tertiary-payment.835",
    };

    public static TheoryData<string> Files() => [.. SampleFiles().Select(f => Path.GetRelativePath(RepoPaths.Data("x12-samples", "835"), f))];

    private static string Full(string file) => RepoPaths.Data("x12-samples", "835", file);

    [Theory]
    [MemberData(nameof(Files))]
    public void Posted_payments_equal_the_sum_of_CLP04_and_after_PLB_equal_BPR02_where_the_file_balances(string file)
    {
        var sets = ReadSample(Full(file));
        Assert.NotEmpty(sets);
        foreach (var advice in sets)
        {
            var claims = ClaimsOf(advice);
            var book = BookBefore(advice, claims);
            var balanced = !Unbalanced.Contains(file);

            var plan = balanced ? RemittancePoster.Plan(advice, book) : RemittancePoster.Plan(advice, book, new PostingOptions(AcceptUnbalanced: true));

            Assert.Equal(advice.Claims.Sum(c => c.Paid), plan.PostedPayments);
            Assert.Empty(plan.Unmatched);
            Assert.Equal(advice.Claims.Count, plan.Claims.Count);
            Assert.Equal(advice.ProviderAdjustments.Count, plan.ProviderAdjustments.Count);
            if (balanced)
            {
                Assert.Equal(advice.Header.TotalPayment, plan.NetPayment);
                Assert.False(plan.Unbalanced);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Posting_the_same_payment_twice_posts_nothing_the_second_time(string file)
    {
        foreach (var advice in ReadSample(Full(file)))
        {
            var book = BookBefore(advice, ClaimsOf(advice));
            var first = RemittancePoster.Plan(advice, book, new PostingOptions(AcceptUnbalanced: true));

            var second = RemittancePoster.Plan(advice, book.After(first), new PostingOptions(AcceptUnbalanced: true));

            Assert.True(second.AlreadyPosted);
            Assert.Empty(second.Claims);
            Assert.Empty(second.ProviderAdjustments);
            Assert.Equal(0m, second.PostedPayments);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Claims_CodeLedger_does_not_know_land_in_unmatched_with_their_amounts(string file)
    {
        foreach (var advice in ReadSample(Full(file)))
        {
            var plan = RemittancePoster.Plan(advice, RemittanceBook.Of([]), new PostingOptions(AcceptUnbalanced: true));

            Assert.Empty(plan.Claims);
            Assert.Equal(advice.Claims.Select(c => (c.PatientControlNumber, c.TotalCharge, c.Paid)),
                plan.Unmatched.Select(u => (u.PatientControlNumber, u.Charge, u.Paid)));
        }
    }

    [Fact]
    public void The_reversals_of_Example1_undo_their_payments_exactly()
    {
        var advice = Example1As5010();
        var book = BookBefore(advice, ClaimsOf(advice));

        var plan = RemittancePoster.Plan(advice, book, new PostingOptions(AcceptUnbalanced: true));

        var reversals = plan.Claims.Where(c => c.IsReversal).ToList();
        Assert.Equal(advice.Claims.Count(c => c.Status == ClaimStatus.Reversal), reversals.Count);
        Assert.True(reversals.Count >= 2);
        foreach (var reversal in reversals)
        {
            var undone = book.PriorPostings.Single(p => p.Payment == reversal.Reverses!.Payment && p.Posting.Position == reversal.Reverses.Position).Posting;
            Assert.Equal(reversal.ClaimId, undone.ClaimId);
            Assert.Equal(0m, reversal.Paid + undone.Paid);
            Assert.Equal(0m, reversal.AdjustmentTotal + undone.AdjustmentTotal);
        }
    }

    [Fact]
    public void Example1_without_the_original_payments_is_refused_for_a_reversal_that_undoes_nothing()
    {
        var advice = Example1As5010();

        var error = Assert.Throws<DomainException>(() => RemittancePoster.Plan(advice, RemittanceBook.Of(ClaimsOf(advice)), new PostingOptions(AcceptUnbalanced: true)));

        Assert.Equal("REMIT-REVERSAL-UNKNOWN", error.Code);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_sample_that_does_not_balance_is_refused_with_its_location_and_one_that_does_is_not(string file)
    {
        foreach (var advice in ReadSample(Full(file)))
        {
            var book = BookBefore(advice, ClaimsOf(advice));
            if (Unbalanced.Contains(file))
            {
                var error = Assert.Throws<DomainException>(() => RemittancePoster.Plan(advice, book));
                Assert.Equal("REMIT-UNBALANCED", error.Code);
                Assert.Matches(@"transaction set \w+, CLP \d+ \(CLP01 [^)]+\)", error.Message);
            }
            else
            {
                Assert.False(RemittancePoster.Plan(advice, book).Unbalanced);
            }
        }
    }

    [Fact]
    public void The_PLB_of_a_sample_is_kept_with_its_reason_reference_and_amount()
    {
        var advice = Assert.Single(ReadSample(Full(Path.Combine("linuxforhealth", "demo.835"))));

        var plan = RemittancePoster.Plan(advice, RemittanceBook.Of(ClaimsOf(advice)));

        var plb = Assert.Single(plan.ProviderAdjustments);
        Assert.Equal(("CV", "CP", -1.27m, (string?)null), (plb.Reason, plb.Reference, plb.Amount, plb.ClaimId));
    }

    [Fact]
    public void The_REF_6R_a_real_payer_echoes_picks_the_line_it_names_among_twins()
    {
        // oopfactory/Example1.txt echoes REF*6R*444444 on the one SVC of claim 444444. Given that
        // claim as two identical lines, only the control number tells them apart: without it the
        // first would be paid.
        var advice = Example1As5010();
        var service = advice.Claims.First(c => c.PatientControlNumber == "444444").Services.Single();
        Assert.Equal("444444", service.LineItemControlNumber);
        var claims = ClaimsOf(advice);
        var claim = claims.Single(c => c.ClaimId == "444444");
        var twin = claim.Lines.Single();
        claims[claims.IndexOf(claim)] = claim with { Lines = [twin with { Number = 1, LineItemControlNumber = "OTHER" }, twin with { Number = 2, LineItemControlNumber = "444444" }] };

        var plan = RemittancePoster.Plan(advice, BookBefore(advice, claims), new PostingOptions(AcceptUnbalanced: true));

        Assert.Equal([2], plan.Claims.First(c => c.ClaimId == "444444").Lines.Select(l => l.LineNumber));
        var withoutEcho = advice with { Claims = advice.Claims.Select(c => c with { Services = c.Services.Select(s => s with { LineItemControlNumber = null }).ToArray() }).ToArray() };
        Assert.Equal([1], RemittancePoster.Plan(withoutEcho, BookBefore(withoutEcho, claims), new PostingOptions(AcceptUnbalanced: true))
            .Claims.First(c => c.ClaimId == "444444").Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void An_unmatched_payment_keeps_the_REF_6R_so_a_hand_match_picks_the_line_it_names()
    {
        // Claim 444444 is unknown when the 835 posts (its CLP01 was mistyped, say): it waits in the
        // unmatched queue, recorded as the ledger writes it. Matched by hand to a claim whose two
        // lines are twins, the echoed control number still decides the line, as the poster would.
        var advice = Example1As5010();
        var claims = ClaimsOf(advice);
        var claim = claims.Single(c => c.ClaimId == "444444");
        claims.Remove(claim);
        var plan = RemittancePoster.Plan(advice, BookBefore(advice, claims), new PostingOptions(AcceptUnbalanced: true));
        var waiting = plan.Unmatched.Single(u => u.PatientControlNumber == "444444");

        var json = JsonSerializer.Serialize(PostingRecords.Record(Guid.NewGuid(), waiting), LedgerEvents.Options);
        var recorded = JsonSerializer.Deserialize<RemittancePosted.UnmatchedPayment>(json, LedgerEvents.Options)!;
        Assert.Equal("444444", recorded.Services.Single().LineItemControlNumber);

        var twin = claim.Lines.Single();
        var chosen = claim with { Lines = [twin with { Number = 1, LineItemControlNumber = "OTHER" }, twin with { Number = 2, LineItemControlNumber = "444444" }] };
        var posting = RemittanceMatcher.MatchByHand(PostingRecords.Unmatched(recorded), chosen, chosen.Practice);
        Assert.Equal([2], posting.Lines.Select(l => l.LineNumber));
    }

    [Fact]
    public void An_unmatched_service_without_an_echo_writes_no_control_number_so_older_events_read_and_hash_the_same()
    {
        var service = new RemittancePosted.Service("HC", "99213", [], 100m, 80m, 1m, null, [], null, new DateOnly(2026, 10, 1), [], []);

        var json = JsonSerializer.Serialize(service, LedgerEvents.Options);

        Assert.DoesNotContain("lineItemControlNumber", json, StringComparison.Ordinal);
        Assert.Equal(service.Code, JsonSerializer.Deserialize<RemittancePosted.Service>(json, LedgerEvents.Options)!.Code);
    }
}
