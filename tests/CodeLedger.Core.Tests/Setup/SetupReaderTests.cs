using CodeLedger.Core.Setup;

namespace CodeLedger.Core.Tests.Setup;

public sealed class SetupReaderTests
{
    private static SetupRefusedException Refused(string text, SetupFormat format = SetupFormat.Yaml) =>
        Assert.Throws<SetupRefusedException>(() => SetupReader.Read(text, format, format == SetupFormat.Yaml ? "setup.yaml" : "setup.json"));

    [Fact]
    public void Yaml_and_json_of_the_same_setup_read_to_the_same_document()
    {
        var yaml = SetupReader.Read(SetupSamples.Yaml, "setup.yaml");
        var json = SetupReader.Read(SetupSamples.Json, "setup.json");

        Assert.True(yaml.SameAs(json));
        Assert.Equal(2, yaml.Vendors.Count);
        Assert.Equal(2, yaml.Practices.Count);
        Assert.Equal("AUDIT-CO", Assert.Single(yaml.AuditFirms).Code);
    }

    [Fact]
    public void Written_yaml_and_json_read_back_to_the_document_they_were_written_from()
    {
        var document = SetupReader.Read(SetupSamples.Yaml, "setup.yaml");

        Assert.True(document.SameAs(SetupReader.Read(SetupWriter.Yaml(document), "again.yaml")));
        Assert.True(document.SameAs(SetupReader.Read(SetupWriter.Json(document), "again.json")));
        Assert.Equal(SetupWriter.Yaml(document), SetupWriter.Yaml(SetupReader.Read(SetupWriter.Yaml(document), "again.yaml")));
    }

    [Fact]
    public void An_npi_failing_its_check_digit_is_named_by_its_path()
    {
        var e = Refused(SetupSamples.Yaml.Replace("\"1000000012\"", "\"1000000013\"", StringComparison.Ordinal));

        Assert.Equal(SetupErrors.Invalid, e.Error);
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("practices[0].physicians[1].npi: ", problem, StringComparison.Ordinal);
        Assert.Contains("check digit", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_five_different_errors_reports_all_five_with_their_paths()
    {
        var broken = SetupSamples.Yaml
            .Replace("\"1000000012\"", "\"1000000013\"", StringComparison.Ordinal)          // check digit
            .Replace("kind: CCC", "kind: XYZ", StringComparison.Ordinal)                        // unknown credential
            .Replace("timeZone: America/Chicago", "timeZone: Mars/Olympus", StringComparison.Ordinal) // unknown zone
            .Replace("expiresOn: 2028-12-31", "expiresOn: 2025-01-01", StringComparison.Ordinal)    // BAA expires before effective
            .Replace("    name: Independent Audit Co", "    name: Independent Audit Co\n    color: blue", StringComparison.Ordinal); // unknown field

        var e = Refused(broken);

        Assert.Equal(SetupErrors.Invalid, e.Error);
        Assert.Collection(e.Problems.Order(StringComparer.Ordinal),
            p => Assert.StartsWith("agreements[1].effectiveOn: agreement expires", p, StringComparison.Ordinal),
            p => Assert.StartsWith("auditFirms[0].color: not a field here", p, StringComparison.Ordinal),
            p => Assert.StartsWith("contracts[0].timeZone: 'Mars/Olympus' is not an IANA time zone", p, StringComparison.Ordinal),
            p => Assert.StartsWith("practices[0].physicians[1].npi: ", p, StringComparison.Ordinal),
            p => Assert.StartsWith("vendors[1].coders[0].credentials[0].kind: 'XYZ' is not a credential", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_contract_without_a_baa_between_the_same_practice_and_vendor_is_refused()
    {
        var text = SetupSamples.Yaml.Replace("  - practice: FM-NORTH\n    vendor: ACME\n    practiceSignatory", "  - practice: FM-NORTH\n    vendor: BETA-CODING\n    practiceSignatory", StringComparison.Ordinal);

        var e = Refused(text);

        Assert.Contains(e.Problems, p => p.StartsWith("contracts[0]: no BAA between FM-NORTH and ACME", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicates_and_dangling_references_are_named()
    {
        var text = SetupSamples.Yaml
            .Replace("\"1245319599\"", "\"1234567893\"", StringComparison.Ordinal)
            .Replace("userName: bcoder", "userName: jdoe", StringComparison.Ordinal)
            .Replace("    vendor: BETA-CODING\n    practiceSignatory", "    vendor: GHOST\n    practiceSignatory", StringComparison.Ordinal);

        var e = Refused(text);

        Assert.Contains("practices[1].physicians[0].npi: NPI 1234567893 is already listed at practices[0].physicians[0]", e.Problems);
        Assert.Contains("vendors[1].coders[0].userName: coder 'jdoe' is already listed at vendors[0].coders[0]", e.Problems);
        Assert.Contains("agreements[1].vendor: no vendor with code GHOST in the file", e.Problems);
    }

    [Fact]
    public void A_party_of_the_wrong_kind_is_named_with_both_kinds()
    {
        var text = SetupSamples.Yaml.Replace("    vendor: BETA-CODING\n    practiceSignatory", "    vendor: AUDIT-CO\n    practiceSignatory", StringComparison.Ordinal);

        var e = Refused(text);

        Assert.Contains("agreements[1].vendor: AUDIT-CO is an audit firm, not a vendor", e.Problems);
    }

    [Fact]
    public void Syntax_errors_name_the_line_and_column_in_either_format()
    {
        var yaml = Refused("vendors:\n  - code: ACME\n    name: [unclosed\n");
        var json = Refused("{\n  \"vendors\": [\n    {\"code\": \"ACME\",,}\n  ]\n}", SetupFormat.Json);

        Assert.Equal(SetupErrors.Unreadable, yaml.Error);
        Assert.Matches(@"^setup\.yaml: not valid YAML at line \d+, column \d+$", Assert.Single(yaml.Problems));
        Assert.Equal(SetupErrors.Unreadable, json.Error);
        Assert.Equal("setup.json: not valid JSON at line 3, column 21", Assert.Single(json.Problems));
    }

    [Fact]
    public void The_format_comes_from_the_extension_else_from_the_first_character()
    {
        Assert.Equal(SetupFormat.Json, SetupReader.FormatOf("a.JSON", "x: 1"));
        Assert.Equal(SetupFormat.Yaml, SetupReader.FormatOf("a.yml", "{}"));
        Assert.Equal(SetupFormat.Json, SetupReader.FormatOf("setup", "  {\"vendors\": []}"));
        Assert.Equal(SetupFormat.Yaml, SetupReader.FormatOf("setup", "vendors: []"));
    }
}
