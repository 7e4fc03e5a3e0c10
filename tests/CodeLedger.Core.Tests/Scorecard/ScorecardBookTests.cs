using CodeLedger.Core.Accounts;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Scorecard;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Scorecard;

/// <summary>The scorecard's verdicts and red flags from evidence written by hand, without a database.</summary>
public class ScorecardBookTests
{
    private static readonly DateOnly Today = new(2026, 10, 14);
    private static readonly DateTimeOffset At = new(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);

    private static AuditEvidence Audit(string kind = "independent", int audited = 30, double accuracy = 0.967) =>
        new(Guid.Parse("bbc192da-0000-4000-8000-000000000001"), kind, "LEDGER-AUDIT", new(2026, 9, 1), new(2026, 9, 30), "AMA 2021 office E/M", 0.95m,
            30, audited, audited > 0 ? accuracy : null, audited > 0 ? 0.83 : null, audited > 0 ? 0.99 : null);

    private static ScorecardEvidence Good(params RecordedAnswer[] answers) => new(
        "NORTH", "ACME", Today,
        [new BaaEvidence(new(2025, 12, 1), new(2026, 1, 1), null, true, new string('a', 64))],
        new ContractEvidence(new(2026, 1, 1), 48, "business-hours", 95m, 72),
        [Audit()],
        [new SpecialtyEvidence("family-medicine", 40, ["mreyes"])],
        new QueryEvidence(3, 2, 1, 0, new Dictionary<string, int> { ["laterality"] = 3 }),
        new TrainingEvidence(5, 5, 0, ["ICD-10-CM FY2027"]),
        CountEvidence.NotTracked("monthly reporting packages generated"),
        CountEvidence.NotTracked("claims submitted"),
        answers);

    private static Verdict V(VendorScorecard card, ScorecardCriterion c) => card.Criteria.Single(r => r.Criterion == c.Name()).Verdict;

    private static FlagState F(VendorScorecard card, RedFlag f) => card.RedFlags.Single(r => r.Flag == f.Name()).State;

    private static RecordedAnswer Answer(ScorecardAnswer a, int minutes = 0) => new(a, "pa-north", At.AddMinutes(minutes));

    [Fact]
    public void Every_one_of_the_ten_criteria_and_six_flags_is_on_the_card_in_order_with_its_standard()
    {
        var card = ScorecardBook.Evaluate(Good());
        Assert.Equal(ScorecardCatalogue.AllCriteria.Select(c => c.Name()), card.Criteria.Select(c => c.Criterion));
        Assert.Equal(10, card.Criteria.Count);
        Assert.Equal(6, card.RedFlags.Count);
        Assert.All(card.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Standard)));
        Assert.All(card.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void Evidence_of_each_standard_meets_it_and_what_no_table_holds_is_unknown_never_met()
    {
        var card = ScorecardBook.Evaluate(Good());
        foreach (var c in new[] { ScorecardCriterion.AccuracyMethod, ScorecardCriterion.IndependentAuditRight, ScorecardCriterion.TurnaroundCommitment,
                     ScorecardCriterion.SpecialtyCredentials, ScorecardCriterion.QueryProcess, ScorecardCriterion.SignedBaa, ScorecardCriterion.CodeUpdateTraining })
        {
            Assert.Equal(Verdict.Met, V(card, c));
        }

        Assert.Equal(Verdict.Unknown, V(card, ScorecardCriterion.MonthlyReporting));
        Assert.Equal(Verdict.Unknown, V(card, ScorecardCriterion.IntegratedBilling));
        Assert.Equal(Verdict.Unknown, V(card, ScorecardCriterion.SpecialtyReferences));
        Assert.False(card.Disqualified);
        Assert.Equal("ACME at NORTH: 7 met, 0 not met, 3 unknown; red flags: none raised, 2 unknown", card.Summary);
    }

    [Fact]
    public void A_count_the_billing_loop_records_meets_integrated_billing_and_a_zero_count_does_not()
    {
        Assert.Equal(Verdict.Met, V(ScorecardBook.Evaluate(Good() with { ClaimsSubmitted = new(true, 12, "claims submitted") }), ScorecardCriterion.IntegratedBilling));
        Assert.Equal(Verdict.NotMet, V(ScorecardBook.Evaluate(Good() with { ClaimsSubmitted = new(true, 0, "claims submitted") }), ScorecardCriterion.IntegratedBilling));
    }

    [Fact]
    public void A_contract_beyond_48_hours_fails_the_commitment_and_raises_the_flag_and_no_contract_leaves_the_flag_unknown()
    {
        var slow = ScorecardBook.Evaluate(Good() with { Contract = new ContractEvidence(new(2026, 1, 1), 72, "calendar-hours", 98m, 120) });
        Assert.Equal(Verdict.NotMet, V(slow, ScorecardCriterion.TurnaroundCommitment));
        Assert.Equal(FlagState.Raised, F(slow, RedFlag.TurnaroundBeyond48Hours));
        Assert.True(slow.Disqualified);

        var none = ScorecardBook.Evaluate(Good() with { Contract = null });
        Assert.Equal(Verdict.NotMet, V(none, ScorecardCriterion.TurnaroundCommitment));
        Assert.Equal(FlagState.Unknown, F(none, RedFlag.TurnaroundBeyond48Hours));
    }

    [Fact]
    public void Accuracy_claimed_by_a_contract_and_never_audited_raises_the_flag_an_audit_in_progress_is_unknown()
    {
        var claimed = ScorecardBook.Evaluate(Good() with { Audits = [] });
        Assert.Equal(Verdict.NotMet, V(claimed, ScorecardCriterion.AccuracyMethod));
        Assert.Equal(FlagState.Raised, F(claimed, RedFlag.AccuracyWithoutMethod));
        Assert.Contains("95", claimed.Criteria[0].Reason, StringComparison.Ordinal);

        var sampledOnly = ScorecardBook.Evaluate(Good() with { Audits = [Audit(audited: 0)] });
        Assert.Equal(Verdict.Unknown, V(sampledOnly, ScorecardCriterion.AccuracyMethod));

        var below = ScorecardBook.Evaluate(Good() with { Audits = [Audit(accuracy: 0.90)] });
        Assert.Equal(Verdict.NotMet, V(below, ScorecardCriterion.AccuracyMethod));
        Assert.Equal(FlagState.NotRaised, F(below, RedFlag.AccuracyWithoutMethod));

        Assert.Equal(FlagState.Unknown, F(ScorecardBook.Evaluate(Good() with { Audits = [], Contract = null }), RedFlag.AccuracyWithoutMethod));
    }

    [Fact]
    public void An_internal_audit_is_no_independent_audit_right_which_only_an_answer_can_then_show()
    {
        var internalOnly = Good() with { Audits = [Audit(kind: "internal")] };
        Assert.Equal(Verdict.Unknown, V(ScorecardBook.Evaluate(internalOnly), ScorecardCriterion.IndependentAuditRight));
        Assert.Equal(FlagState.Unknown, F(ScorecardBook.Evaluate(internalOnly), RedFlag.NoIndependentAuditRight));

        var refused = ScorecardBook.Evaluate(internalOnly with { Answers = [Answer(new AuditRightAnswer(false, "MSA 7.2"))] });
        Assert.Equal(Verdict.NotMet, V(refused, ScorecardCriterion.IndependentAuditRight));
        Assert.Equal(FlagState.Raised, F(refused, RedFlag.NoIndependentAuditRight));

        // The latest answer stands.
        var granted = ScorecardBook.Evaluate(internalOnly with { Answers = [Answer(new AuditRightAnswer(false, null)), Answer(new AuditRightAnswer(true, "MSA 7.3"), 5)] });
        Assert.Equal(Verdict.Met, V(granted, ScorecardCriterion.IndependentAuditRight));
        Assert.Equal(FlagState.NotRaised, F(granted, RedFlag.NoIndependentAuditRight));
    }

    [Fact]
    public void Credentials_fail_for_a_specialty_no_coder_is_certified_for_and_training_fails_when_late()
    {
        var card = ScorecardBook.Evaluate(Good() with
        {
            Specialties = [new SpecialtyEvidence("cardiology", 5, []), new SpecialtyEvidence("family-medicine", 40, ["mreyes"])],
            Training = new TrainingEvidence(5, 5, 2, ["ICD-10-CM FY2027"]),
        });
        Assert.Equal(Verdict.NotMet, V(card, ScorecardCriterion.SpecialtyCredentials));
        Assert.Contains("cardiology", card.Criteria[3].Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.NotMet, V(card, ScorecardCriterion.CodeUpdateTraining));
        Assert.Equal(Verdict.Unknown, V(ScorecardBook.Evaluate(Good() with { Training = new TrainingEvidence(5, 0, 0, []) }), ScorecardCriterion.CodeUpdateTraining));
    }

    [Fact]
    public void No_BAA_or_one_no_longer_in_force_fails_the_BAA_criterion()
    {
        Assert.Equal(Verdict.NotMet, V(ScorecardBook.Evaluate(Good() with { Agreements = [] }), ScorecardCriterion.SignedBaa));
        var ended = ScorecardBook.Evaluate(Good() with { Agreements = [new BaaEvidence(new(2024, 1, 1), new(2024, 1, 1), new(2025, 12, 31), false, new string('b', 64))] });
        Assert.Equal(Verdict.NotMet, V(ended, ScorecardCriterion.SignedBaa));
        Assert.Contains("none in force", ended.Criteria[6].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_query_raised_leaves_the_process_and_its_flag_unknown()
    {
        var card = ScorecardBook.Evaluate(Good() with { Queries = new QueryEvidence(0, 0, 0, 0, new Dictionary<string, int>()) });
        Assert.Equal(Verdict.Unknown, V(card, ScorecardCriterion.QueryProcess));
        Assert.Equal(FlagState.Unknown, F(card, RedFlag.NoQueryProcess));
    }

    [Fact]
    public void References_of_other_specialties_raise_the_flag_one_match_lowers_it_and_every_specialty_meets_the_criterion()
    {
        var two = Good() with { Specialties = [new SpecialtyEvidence("cardiology", 5, ["lh"]), new SpecialtyEvidence("family-medicine", 40, ["mreyes"])] };
        var other = ScorecardBook.Evaluate(two with { Answers = [Answer(new ReferenceAnswer("Bone Clinic", Specialty.Parse("orthopedic-surgery"), Today))] });
        Assert.Equal(Verdict.NotMet, V(other, ScorecardCriterion.SpecialtyReferences));
        Assert.Equal(FlagState.Raised, F(other, RedFlag.NoSpecialtyReferences));

        var one = ScorecardBook.Evaluate(two with { Answers = [Answer(new ReferenceAnswer("Heart Group", Specialty.Parse("cardiology"), Today))] });
        Assert.Equal(Verdict.NotMet, V(one, ScorecardCriterion.SpecialtyReferences));
        Assert.Equal(FlagState.NotRaised, F(one, RedFlag.NoSpecialtyReferences));

        var both = ScorecardBook.Evaluate(two with
        {
            Answers = [Answer(new ReferenceAnswer("Heart Group", Specialty.Parse("cardiology"), Today)), Answer(new ReferenceAnswer("Lakeside FP", Specialty.Parse("family-medicine"), Today), 1)],
        });
        Assert.Equal(Verdict.Met, V(both, ScorecardCriterion.SpecialtyReferences));
    }

    [Theory]
    [InlineData("7.00", null, FlagState.NotRaised)] // 12.5% below the middle of 6-10
    [InlineData("5.61", null, FlagState.NotRaised)] // 29.9% below
    [InlineData("5.60", null, FlagState.Raised)] // 30% below
    [InlineData("3.00", "volume discount", FlagState.NotRaised)]
    public void A_price_30_percent_below_the_middle_of_the_market_raises_the_flag_unless_explained(string price, string? explanation, FlagState expected)
    {
        List<RecordedAnswer> answers = [Answer(new PriceAnswer(PriceBasis.PerEncounter, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 6m, 10m))];
        if (explanation is not null)
        {
            answers.Add(Answer(new PriceExplanationAnswer(explanation), 1));
        }

        Assert.Equal(expected, F(ScorecardBook.Evaluate(Good(answers.ToArray())), RedFlag.PriceFarBelowMarket));
    }

    [Fact]
    public void An_explanation_given_before_a_new_lower_price_does_not_explain_it()
    {
        var card = ScorecardBook.Evaluate(Good(Answer(new PriceExplanationAnswer("offshore team")), Answer(new PriceAnswer(PriceBasis.PerEncounter, 2m, 6m, 10m), 10)));
        Assert.Equal(FlagState.Raised, F(card, RedFlag.PriceFarBelowMarket));
    }

    [Fact]
    public void Every_answer_reads_back_from_its_text_form_unchanged()
    {
        var answers =
            from kind in Gen.Choose(0, 3)
            from cents in Gen.Choose(0, 100_000)
            from low in Gen.Choose(1, 50_000)
            from span in Gen.Choose(0, 50_000)
            from day in Gen.Choose(0, 3_000)
            from name in Gen.Elements("Valley Heart", "Lakeside FP", "St. Mary's Clinic", "A & B")
            from specialty in Gen.Elements("cardiology", "family-medicine", "orthopedic-surgery")
            from granted in Gen.Elements(true, false)
            select kind switch
            {
                0 => (ScorecardAnswer)new ReferenceAnswer(name, Specialty.Parse(specialty), new DateOnly(2020, 1, 1).AddDays(day)),
                1 => new PriceAnswer(PriceBasis.PerEncounter, cents / 100m, low / 100m, (low + span) / 100m),
                2 => new PriceExplanationAnswer(name + " pricing"),
                _ => new AuditRightAnswer(granted, granted ? name : null),
            };
        Properties.ForAll(answers, a => Assert.Equal(a, ScorecardAnswer.Parse(a.Kind, a.Value)));
    }

    [Fact]
    public void Unreadable_answers_are_refused_naming_the_field()
    {
        var e = Assert.Throws<DomainException>(() => ScorecardAnswer.Parse(ScorecardAnswer.PriceKind, "per-encounter|3|10|6"));
        Assert.Equal(ScorecardErrors.AnswerInvalid, e.Error);
        Assert.Contains("market range", e.Message, StringComparison.Ordinal);
        Assert.Contains("checked on", Assert.Throws<DomainException>(() => ScorecardAnswer.Parse(ScorecardAnswer.ReferenceKind, "X|cardiology|2026-13-01")).Message, StringComparison.Ordinal);
        Assert.Contains("percent", Assert.Throws<DomainException>(() => new PriceAnswer(PriceBasis.PercentOfCollections, 120m, 4m, 8m)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => ScorecardAnswer.Parse("rating", "5"));
        Assert.Throws<DomainException>(() => new ReferenceAnswer("  ", Specialty.Parse("cardiology"), Today));
    }

    [Fact]
    public void Only_a_practice_admin_of_the_practice_answers_and_a_vendor_admin_reads_its_own_card_only()
    {
        var practice = Guid.NewGuid();
        var acme = Guid.NewGuid();
        var slow = Guid.NewGuid();
        var admin = new Principal("pa", UserRole.PracticeAdmin, practice);
        var otherAdmin = new Principal("pb", UserRole.PracticeAdmin, Guid.NewGuid());
        var vendorAdmin = new Principal("va", UserRole.VendorAdmin, slow);

        Assert.Equal([acme, slow], ScorecardAccess.Readable(admin, practice, [acme, slow]));
        Assert.Null(ScorecardAccess.Readable(otherAdmin, practice, [acme, slow]));
        Assert.Equal([slow], ScorecardAccess.Readable(vendorAdmin, practice, [acme, slow]));
        Assert.Null(ScorecardAccess.Readable(vendorAdmin, practice, [acme]));
        Assert.True(ScorecardAccess.MayAnswer(admin, practice));
        Assert.False(ScorecardAccess.MayAnswer(otherAdmin, practice));
        Assert.Equal("ACCESS-ROLE-REFUSED", Assert.Throws<DomainException>(() => ScorecardAccess.MayAnswer(vendorAdmin, practice)).Error.Value);
        Assert.Equal("ACCESS-ROLE-REFUSED", Assert.Throws<DomainException>(() => ScorecardAccess.Readable(new Principal("c", UserRole.Coder, acme, Guid.NewGuid()), practice, [acme])).Error.Value);
    }
}
