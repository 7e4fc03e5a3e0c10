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

            Assert.True(stream.Adjacent);
            Assert.Equal(batch.Lines, stream.Rows);
        }

        Assert.Equal(batch.Malformed, malformed);
        Assert.Equal(batch.Claims.Select(Describe), claims.Select(Describe));
    }

    [Fact]
    public void A_claim_that_comes_back_after_another_is_noticed_by_the_stream()
    {
        using var stream = ClaimCsvReader.Open(new StringReader($"""
            {Header}
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,99214,,1,150.00,1
            B2,2025-03-05,11,1234567893,1970-01-01,M,J06.9,,99213,,1,100.00,1
            A1,2025-03-04,11,1234567893,1960-05-01,F,I10,,93000,,1,40.00,1
            """), buildClaims: false);
        while (stream.Next())
        {
        }

        Assert.False(stream.Adjacent);
    }

    private static string Describe(Claim c) =>
        $"{c.Id} {c.DateOfService} {c.RenderingNpiText} {string.Join(' ', c.Diagnoses.Select(d => d.Text))} | "
        + string.Join(" / ", c.Lines.Select(l => $"{l.Number} {l.CodeText} {string.Join(' ', l.ModifierTexts)} {l.Units} {l.Charge} {string.Join(' ', l.Pointers)}"));
}
