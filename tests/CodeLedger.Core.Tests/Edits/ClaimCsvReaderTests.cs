using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Tests.Edits;

public class ClaimCsvReaderTests
{
    private const string Header = "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,dx2,code,modifiers,units,charge,pointers";

    [Fact]
    public void Rows_of_one_claim_become_its_lines()
    {
        var batch = ClaimCsvReader.Read(new StringReader($"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,E78.5,99214,25,1,150.00,1:2
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,E78.5,93000,,1,40.00,1
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            """));
        Assert.Equal(3, batch.Lines);
        Assert.Equal(["A1", "B2"], batch.Claims.Select(c => c.Id));
        var a1 = batch.Claims[0];
        Assert.Equal(["99214", "93000"], a1.Lines.Select(l => l.CodeText));
        Assert.Equal([1, 2], a1.Lines[0].Pointers);
        Assert.Equal("25", a1.Lines[0].Modifiers.Single().Value);
        Assert.Equal(2, a1.Diagnoses.Length);
        Assert.Empty(batch.Malformed);
    }

    [Fact]
    public void Malformed_row_is_INPUT_MALFORMED_naming_its_line_and_the_rest_is_read()
    {
        var batch = ClaimCsvReader.Read(new StringReader($"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,93000,,two,40.00,1
            B2,2025-13-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            """));
        Assert.Equal([3, 4], batch.Malformed.Select(f => f.Line));
        Assert.All(batch.Malformed, f => Assert.Equal(EditRules.InputMalformed, f.Rule));
        Assert.Equal("99214", batch.Claims.Single().Lines.Single().CodeText);
    }

    [Fact]
    public void Optional_em_column_carries_the_documented_level_into_the_claim()
    {
        var batch = ClaimCsvReader.Read(new StringReader($$"""
            {{Header}},em
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99215,,1,150.00,1,"{""patient"": ""established"", ""problems"": [""stable-chronic""], ""risk"": ""low""}"
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,93000,,1,40.00,1,
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1,
            """));
        Assert.Empty(batch.Malformed);
        Assert.Equal(RiskLevel.Low, batch.Claims[0].EmDocumentation!.Risk);
        Assert.Null(batch.Claims[1].EmDocumentation);
        var findings = new ClaimEditor(StarterCodeSet.Library()).Check(batch.Claims[0]);
        Assert.Equal(["99215", "99213"], findings.Single(f => f.Rule == EditRules.EmLevelSupport).Codes);
    }

    [Fact]
    public void Unreadable_em_is_INPUT_MALFORMED_naming_the_line_and_the_field()
    {
        var batch = ClaimCsvReader.Read(new StringReader($$"""
            {{Header}},em
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99215,,1,150.00,1,"{""patient"": ""established"", ""problems"": [""sore""], ""risk"": ""low""}"
            """));
        var finding = batch.Malformed.Single();
        Assert.Equal(2, finding.Line);
        Assert.Contains("em: unknown problem kind \"sore\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_left_open_is_INPUT_MALFORMED_at_the_line_it_opens()
    {
        var batch = ClaimCsvReader.Read(new StringReader($"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1
            B2,2025-03-05,11,1234567893,"1970-01-01,M,J06.9,,99213,,1,100.00,1
            C3,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            """));
        Assert.Equal(3, batch.Malformed.Single().Line);
        Assert.Contains("unbalanced quotes", batch.Malformed.Single().Message, StringComparison.Ordinal);
        Assert.Equal("A1", batch.Claims.Single().Id);
    }

    [Fact]
    public void Streaming_gives_the_claims_and_findings_of_the_whole_file_read()
    {
        var csv = $"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,E78.5,99214,25,1,150.00,1:2
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,E78.5,93000,,two,40.00,1
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,E78.5,93000,,1,40.00,1

            B2,2025-13-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            ,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            C3,2025-03-06,11,1234567893,1970-01-01,M,J06.9,,99213,,1,x,1
            """;
        var batch = ClaimCsvReader.Read(new StringReader(csv));
        var (claims, malformed) = (new List<Claim>(), new List<EditFinding>());
        using (var stream = ClaimCsvReader.Open(new StringReader(csv), buildClaims: true))
        {
            while (stream.Next())
            {
                if (stream.Claim is { } c)
                {
                    claims.Add(c);
                }

                if (stream.Malformed is { } m)
                {
                    malformed.Add(m);
                }
            }

            Assert.Empty(stream.Suspects);
            Assert.Equal(batch.Lines, stream.Rows);
        }

        Assert.Equal(batch.Malformed, malformed);
        Assert.Equal(batch.Claims.Select(Describe), claims.Select(Describe));
    }

    [Fact]
    public void A_claim_that_comes_back_after_another_is_a_claim_of_its_own_and_INPUT_MALFORMED_where_it_comes_back()
    {
        var csv = $"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,93000,,1,40.00,1
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,36415,,1,10.00,1
            """;
        var claims = new List<Claim>();
        using var stream = ClaimCsvReader.Open(new StringReader(csv), buildClaims: true);
        while (stream.Next())
        {
            if (stream.Claim is { } c)
            {
                claims.Add(c);
            }
        }

        Assert.Equal(["A1 99214", "B2 99213", "A1 93000 36415"], claims.Select(c => $"{c.Id} {string.Join(' ', c.Lines.Select(l => l.CodeText))}"));
        Assert.Equal([("A1", 4)], stream.Suspects);
        var apart = ClaimCsvReader.FindApart(new StringReader(csv), stream.Suspects).Single();
        Assert.Equal((EditRules.InputMalformed, "A1", 4), (apart.Rule, apart.ClaimId, apart.Line));
        Assert.Contains("it begins at line 2", apart.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_false_alarm_of_the_id_filter_is_cleared_by_the_second_read()
    {
        var csv = $"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            """;
        Assert.Empty(ClaimCsvReader.FindApart(new StringReader(csv), [("B2", 3), ("A1", 2)]));
    }

    [Fact]
    public void A_claim_file_of_many_thousand_claims_in_order_raises_no_suspect()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $"C{i},2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1");
        using var stream = ClaimCsvReader.Open(new StringReader(Header + "\n" + string.Join("\n", rows)), buildClaims: false);
        while (stream.Next())
        {
        }

        Assert.Equal(20_000, stream.Rows);
        Assert.Empty(stream.Suspects);
    }

    [Theory]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("2023-02-29", null)]
    [InlineData("2024-13-01", null)]
    [InlineData("0000-01-01", null)]
    [InlineData("2024-1-01", null)]
    [InlineData("9999-12-31", "9999-12-31")]
    public void Dates_read_digit_by_digit_agree_with_the_exact_format(string text, string? expected)
    {
        var problems = new List<string>();
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ClaimCsvReader.Date(text, "dos", problems));
        Assert.Equal(expected is null ? 1 : 0, problems.Count);
    }

    [Theory]
    [InlineData("150.00")]
    [InlineData("150.5")]
    [InlineData("007.10")]
    [InlineData("0")]
    [InlineData("123456789012345.99")]
    [InlineData("-12.00")]
    [InlineData("150.")]
    [InlineData("12.345")]
    [InlineData("1e3")]
    [InlineData(".5")]
    public void Amounts_read_without_a_string_are_the_amounts_Money_parses(string text)
    {
        var problems = new List<string>();
        var fast = ClaimCsvReader.Charge(text, problems);
        var ok = Money.TryParse(text, out var money, out var error);
        Assert.Equal(ok ? money : null, fast);
        Assert.Equal(ok ? string.Empty : error, string.Concat(problems));
        if (ok)
        {
            // Same scale too, so an amount prints as it did.
            Assert.Equal(money.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), fast!.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Describe(Claim c) =>
        $"{c.Id} {c.DateOfService} {c.RenderingNpiText} {string.Join(' ', c.Diagnoses.Select(d => d.Text))} | "
        + string.Join(" / ", c.Lines.Select(l => $"{l.Number} {l.CodeText} {string.Join(' ', l.ModifierTexts)} {l.Units} {l.Charge} {string.Join(' ', l.Pointers)}"));
}
