using System.Text;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Testing;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>
/// The chargemaster CSV (docs/BILLING.md): read whole, every bad line named by its number and
/// field, and one bad line refuses the file, so a truncated or hand-broken file never half loads.
/// </summary>
public sealed class FeeScheduleCsvTests
{
    private const string Good = "code,modifier,charge\n99213,,125.00\n99214,,180\n93000,,45.50\n93000,26,20.00\nG0439,,175.25\n";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static DomainException Refusal(string text) =>
        Assert.Throws<DomainException>(() => FeeScheduleCsv.Read("fees.csv", Bytes(text)));

    [Fact]
    public void Every_row_is_read_with_its_modifier_and_its_charge_per_unit()
    {
        var (entries, sha) = FeeScheduleCsv.Read("fees.csv", Bytes(Good));

        Assert.Equal(["99213=125.00", "99214=180.00", "93000=45.50", "93000-26=20.00", "G0439=175.25"], entries.Select(e => $"{e.Key}={e.Charge}"));
        Assert.Equal(64, sha.Length);
    }

    [Fact]
    public void The_header_may_differ_in_case_and_spacing_and_lines_may_end_in_crlf_after_a_byte_order_mark()
    {
        var (entries, _) = FeeScheduleCsv.Read("fees.csv", Bytes("\uFEFFCode, Modifier, Charge\r\n99213,,125.00\r\n\r\n"));

        Assert.Equal("99213", Assert.Single(entries).Key);
    }

    [Fact]
    public void Each_bad_field_is_named_by_line_and_field_and_the_whole_file_is_refused()
    {
        var e = Refusal("code,modifier,charge\n99213,,125.00\n9921X,,1.00\n99214,ZZZ,0\n93000,,\n93000,,12.345\n");

        Assert.Equal(BillingErrors.FeesUnreadable.Value, e.Code);
        Assert.Contains("5 problem(s); nothing was imported", e.Message, StringComparison.Ordinal);
        Assert.Contains("fees.csv line 3, field 'code'", e.Message, StringComparison.Ordinal);
        Assert.Contains("fees.csv line 4, field 'modifier'", e.Message, StringComparison.Ordinal);
        Assert.Contains("fees.csv line 4, field 'charge': a charge must be more than zero", e.Message, StringComparison.Ordinal);
        Assert.Contains("fees.csv line 5, field 'charge'", e.Message, StringComparison.Ordinal);
        Assert.Contains("fees.csv line 6, field 'charge'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_off_inside_its_last_row_is_refused_naming_that_line()
    {
        var cut = Good[..Good.IndexOf("G0439,,", StringComparison.Ordinal)] + "G0439";

        var e = Refusal(cut);

        Assert.Contains("line 6: 1 field(s), expected 3 (code, modifier, charge)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "line 1: the header must be 'code,modifier,charge'")]
    [InlineData("code,charge\n99213,125.00\n", "line 1: the header must be 'code,modifier,charge'")]
    [InlineData("code,modifier,charge\n", "no fee rows after the header")]
    [InlineData("code,modifier,charge\n99213,,125.00\n99213,,130.00\n", "line 3, field 'code': 99213 is already priced on line 2")]
    [InlineData("code,modifier,charge\n\"99213\",,125.00\n", "line 2: quoted fields are not used")]
    [InlineData("code,modifier,charge\n99213,,125.00,extra\n", "line 2: 4 field(s), expected 3")]
    public void A_file_that_is_not_a_chargemaster_is_refused_saying_why(string text, string expected)
    {
        Assert.Contains(expected, Refusal(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        var e = Assert.Throws<DomainException>(() => FeeScheduleCsv.Read("fees.csv", [.. Bytes("code,modifier,charge\n99213,,"), 0xFF, 0xFE]));

        Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_schedule_written_as_the_documented_csv_reads_back_as_it_was()
    {
        var code = Gen.OneOf(
            Gen.Choose(10000, 99499).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            from letter in Gen.Elements('A', 'E', 'G', 'J', 'L')
            from n in Gen.Choose(0, 9999)
            select $"{letter}{n:0000}");
        var modifier = Gen.Elements<string?>(null, null, "26", "TC", "25", "59");
        var entry = from c in code from m in modifier from cents in Gen.Choose(1, 5_000_000) select (c, m, cents);
        Properties.ForAll(entry.ListOf().Select(l => l.DistinctBy(e => (e.c, e.m)).ToList()).Where(l => l.Count > 0), rows =>
        {
            var csv = FeeScheduleCsv.Header + "\n" + string.Join("\n", rows.Select(r => $"{r.c},{r.m},{Money.FromCents(r.cents)}"));

            var (entries, _) = FeeScheduleCsv.Read("fees.csv", Bytes(csv));

            Assert.Equal<(string, string?, long)>(rows.Select(r => (r.c, (string?)r.m, (long)r.cents)), entries.Select(e => (e.Code.Value, e.Modifier?.Value, e.Charge.Cents)));
        });
    }
}
