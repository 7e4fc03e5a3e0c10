using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Denials;

public sealed class DenialRulesTests
{
    private static DenialRootCause Classify(string carc, string group = "CO", params string[] rarcs) => DenialRules.Default.Classify(group, carc, rarcs);

    /// <summary>The CARCs of the WPC list as of March 2016 (../shared/data/carc-rarc).</summary>
    private static List<string> RealCarcs() =>
        [.. File.ReadLines(RepoPaths.Data("carc-rarc", "carc_2016-03.csv")).Skip(1).Select(l => l.Split(',')[0].Trim()).Where(c => c.Length > 0)];

    [Fact]
    public void Every_CARC_of_the_real_list_gets_a_root_cause()
    {
        var carcs = RealCarcs();
        Assert.True(carcs.Count > 300);

        var causes = carcs.Select(c => Classify(c)).ToList();

        Assert.All(causes, c => Assert.True(Enum.IsDefined(c)));
        Assert.Contains(DenialRootCause.Other, causes);
    }

    [Fact]
    public void Every_CARC_the_map_names_is_in_the_real_list_or_newer_than_it()
    {
        var real = RealCarcs().ToHashSet(StringComparer.Ordinal);

        // 284, 288 and 296 (authorization numbers, referral) were added after March 2016 (FACTS §5.2).
        var unknown = DenialRules.Default.Carcs.Where(c => !real.Contains(c)).Order(StringComparer.Ordinal);

        Assert.Equal(["284", "288", "296"], unknown);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("9")]
    [InlineData("10")]
    [InlineData("11")]
    [InlineData("12")]
    [InlineData("97")]
    [InlineData("146")]
    [InlineData("150")]
    [InlineData("151")]
    [InlineData("167")]
    [InlineData("181")]
    [InlineData("182")]
    [InlineData("189")]
    [InlineData("231")]
    [InlineData("234")]
    [InlineData("236")]
    [InlineData("B15")]
    [InlineData("B16")]
    public void The_issues_coding_CARCs_are_coding(string carc) => Assert.Equal(DenialRootCause.Coding, Classify(carc));

    [Theory]
    [InlineData("22")]
    [InlineData("26")]
    [InlineData("27")]
    [InlineData("29")]
    [InlineData("31")]
    [InlineData("32")]
    [InlineData("33")]
    [InlineData("109")]
    [InlineData("140")]
    [InlineData("197")]
    [InlineData("198")]
    public void The_issues_billing_and_front_end_CARCs_are_billing(string carc) => Assert.Equal(DenialRootCause.BillingFrontEnd, Classify(carc));

    [Fact]
    public void B7_is_credentialing() => Assert.Equal(DenialRootCause.Credentialing, Classify("B7"));

    [Fact]
    public void CARC_18_is_a_duplicate_counted_apart() => Assert.Equal(DenialRootCause.Duplicate, Classify("18", "OA"));

    [Theory]
    [InlineData("M76")]
    [InlineData("M20")]
    [InlineData("N519")]
    public void CARC_16_with_a_coding_remark_is_coding(string rarc) => Assert.Equal(DenialRootCause.Coding, Classify("16", "CO", "N130", rarc));

    [Fact]
    public void CARC_16_without_a_coding_remark_is_billing() => Assert.Equal(DenialRootCause.BillingFrontEnd, Classify("16", "CO", "MA130"));

    [Theory]
    [InlineData("1", "PR")]
    [InlineData("2", "PR")]
    [InlineData("3", "PR")]
    [InlineData("45", "CO")]
    [InlineData("253", "CO")]
    public void Deductible_coinsurance_copay_and_contractual_reductions_are_not_denials(string carc, string group) =>
        Assert.Equal(DenialRootCause.NotDenial, Classify(carc, group));

    [Fact]
    public void A_CARC_no_row_names_is_other() => Assert.Equal(DenialRootCause.Other, Classify("Z99"));

    [Fact]
    public void A_users_own_file_replaces_the_map_and_the_most_specific_row_wins()
    {
        var rules = DenialRules.Read(new StringReader("carc,group,rarc,root_cause\n50,*,*,Payer\n50,PR,*,Other\n50,CO,N115,Coding\n"), "mine.csv");

        Assert.Equal(
            [DenialRootCause.Payer, DenialRootCause.Other, DenialRootCause.Coding, DenialRootCause.Payer],
            [rules.Classify("CO", "50", []), rules.Classify("PR", "50", []), rules.Classify("CO", "50", ["N115"]), rules.Classify("OA", "50", ["N115"])]);
    }

    [Theory]
    [InlineData("50,CO,*\n", "mine.csv line 2: 3 fields, expected 4")]
    [InlineData("5O!,CO,*,Coding\n", "mine.csv line 2, field carc")]
    [InlineData("50,CR,*,Coding\n", "mine.csv line 2, field group")]
    [InlineData("50,CO,N-1,Coding\n", "mine.csv line 2, field rarc")]
    [InlineData("50,CO,*,Coder\n", "mine.csv line 2, field root_cause")]
    [InlineData("50,CO,*,3\n", "mine.csv line 2, field root_cause")]
    [InlineData("50,CO,*,Coding\n50,CO,*,Payer\n", "mine.csv line 3: CARC 50, group CO, RARC * is listed twice")]
    public void A_bad_rules_file_is_refused_naming_file_line_and_field(string rows, string expected)
    {
        var error = Assert.Throws<DomainException>(() => DenialRules.Read(new StringReader("carc,group,rarc,root_cause\n" + rows), "mine.csv"));

        Assert.Equal("DENIAL-RULES-INVALID", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_rules_file_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => DenialRules.Read(new StringReader("# nothing\n"), "empty.csv"));

        Assert.Equal("DENIAL-RULES-INVALID", error.Code);
    }
}
