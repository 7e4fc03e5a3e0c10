using CodeLedger.Core.Setup;

namespace CodeLedger.Core.Tests.Setup;

/// <summary>
/// Payers and the billing profile in the setup file (docs/SETUP.md, "Billing"): every field checked
/// by its path, payers added, updated and deactivated (never deleted), a billing profile set and
/// changed but never removed, and the writer's output reading back as the same document.
/// </summary>
public sealed class SetupBillingTests
{
    public const string NorthBilling = """
            payers:
              - code: BCBS-TX
                name: Blue Cross Blue Shield of Texas
                payerId: "84980"
                claimFilingIndicator: BL
                receiver: {qualifier: ZZ, id: AVAILITY, groupCode: "030240928"}
              - code: MEDICARE
                name: Novitas Solutions JL
                payerId: "04412"
                claimFilingIndicator: MB
                receiver: {qualifier: ZZ, id: NOVITAS, groupCode: NOVITAS}
            billing:
              npi: "1234567893"
              ein: "741234567"
              address: {line1: 1200 Main Street, line2: Suite 300, city: Austin, state: TX, zip: 78701-1234}
              submitter: {etin: NORTHFM01, name: Northside Family Medicine, contactName: Ana Billing, contactPhone: "5125550100"}
              production: true

        """;

    public const string HeartBilling = """
            payers:
              - code: AETNA
                name: Aetna
                payerId: "60054"
                claimFilingIndicator: CI
                receiver: {qualifier: ZZ, id: AVAILITY, groupCode: "030240928"}
            billing:
              npi: "1245319599"
              ein: "751112222"
              address: {line1: 9 Heart Way, city: Dallas, state: TX, zip: "752011000"}
              submitter: {etin: HEARTWELL, name: Heartwell Cardiology, contactName: Cy Claims, contactPhone: "2145550199"}

        """;

    private const string NorthAnchor = "      - {npi: \"1000000012\", name: Dr. Sam Okafor, taxonomy: 207Q00000X, specialty: family-medicine}\n";
    private const string HeartAnchor = "      - {npi: \"1245319599\", name: Dr. Tom Reyes, taxonomy: 207RC0000X, specialty: cardiology}\n";

    public static string Yaml(string north = NorthBilling, string heart = HeartBilling) =>
        SetupSamples.Yaml.Replace(NorthAnchor, NorthAnchor + north, StringComparison.Ordinal).Replace(HeartAnchor, HeartAnchor + heart, StringComparison.Ordinal);

    private static readonly SetupDocument Plain = SetupReader.Read(SetupSamples.Yaml, "setup.yaml");
    private static readonly SetupDocument Billed = SetupReader.Read(Yaml(), "setup.yaml");

    private static IReadOnlyList<string> Problems(string yaml) =>
        Assert.Throws<SetupRefusedException>(() => SetupReader.Read(yaml, "setup.yaml")).Problems;

    [Fact]
    public void Payers_and_billing_are_read_with_the_zip_plus_four_without_its_dash()
    {
        var north = Billed.Practices.Single(p => p.Code == "FM-NORTH");

        Assert.Equal(["BCBS-TX", "MEDICARE"], north.Payers.Select(p => p.Code));
        Assert.Equal(new ReceiverSetup("ZZ", "AVAILITY", "030240928"), north.Payers[0].Receiver);
        Assert.Equal("787011234", north.Billing!.Address.Zip);
        Assert.True(north.Billing.Production);
        Assert.False(Billed.Practices.Single(p => p.Code == "HEART").Billing!.Production);
    }

    [Fact]
    public void Every_bad_billing_field_is_named_by_its_path_at_once()
    {
        var bad = NorthBilling
            .Replace("npi: \"1234567893\"", "npi: \"1234567890\"", StringComparison.Ordinal)
            .Replace("ein: \"741234567\"", "ein: 74-1234567", StringComparison.Ordinal)
            .Replace("state: TX, zip: 78701-1234", "state: Tx, zip: \"78701\"", StringComparison.Ordinal)
            .Replace("contactPhone: \"5125550100\"", "contactPhone: 512-555-0100", StringComparison.Ordinal)
            .Replace("claimFilingIndicator: MB", "claimFilingIndicator: XX", StringComparison.Ordinal)
            .Replace("qualifier: ZZ, id: NOVITAS", "qualifier: QQ, id: NOVITAS", StringComparison.Ordinal);

        var problems = Problems(Yaml(north: bad));

        Assert.Equal(
            [
                "practices[0].payers[1].claimFilingIndicator",
                "practices[0].payers[1].receiver.qualifier",
                "practices[0].billing.npi",
                "practices[0].billing.ein",
                "practices[0].billing.address.state",
                "practices[0].billing.address.zip",
                "practices[0].billing.submitter.contactPhone",
            ],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains(problems, p => p.Contains("9-digit ZIP+4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Luhn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_payer_code_listed_twice_at_one_practice_is_refused_but_two_practices_may_share_one()
    {
        var twice = NorthBilling.Replace("code: MEDICARE", "code: BCBS-TX", StringComparison.Ordinal);

        Assert.Equal(["practices[0].payers[1].code: payer BCBS-TX is already listed at practices[0].payers[0]"], Problems(Yaml(north: twice)));
        var shared = SetupReader.Read(Yaml(heart: HeartBilling.Replace("code: AETNA", "code: MEDICARE", StringComparison.Ordinal)), "setup.yaml");
        Assert.Equal(2, shared.Practices.Count(p => p.Payers.Any(x => x.Code == "MEDICARE")));
    }

    [Fact]
    public void A_missing_receiver_and_submitter_are_required()
    {
        var missing = HeartBilling
            .Replace("        receiver: {qualifier: ZZ, id: AVAILITY, groupCode: \"030240928\"}\n", string.Empty, StringComparison.Ordinal)
            .Replace("      submitter: {etin: HEARTWELL, name: Heartwell Cardiology, contactName: Cy Claims, contactPhone: \"2145550199\"}\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(["practices[1].payers[0].receiver: required", "practices[1].billing.submitter: required"], Problems(Yaml(heart: missing)));
    }

    [Fact]
    public void A_new_setup_registers_payers_and_sets_billing_after_the_physicians()
    {
        var changes = SetupDiff.Compute(Plain, Billed).Changes.Select(c => c.Describe());

        Assert.Equal(
            ["register payer BCBS-TX at FM-NORTH", "register payer MEDICARE at FM-NORTH", "set billing profile of FM-NORTH", "register payer AETNA at HEART", "set billing profile of HEART"],
            changes);
        Assert.True(SetupDiff.Compute(Billed, Billed).NothingChanged);
    }

    [Fact]
    public void A_changed_payer_names_its_fields_and_a_payer_left_out_is_deactivated_never_deleted()
    {
        var edited = NorthBilling
            .Replace("claimFilingIndicator: MB\n        receiver: {qualifier: ZZ, id: NOVITAS", "claimFilingIndicator: MA\n        receiver: {qualifier: ZZ, id: NOVITAS2", StringComparison.Ordinal);
        var dropped = HeartBilling.Replace("    payers:\n      - code: AETNA\n        name: Aetna\n        payerId: \"60054\"\n        claimFilingIndicator: CI\n        receiver: {qualifier: ZZ, id: AVAILITY, groupCode: \"030240928\"}\n", string.Empty, StringComparison.Ordinal);
        var file = SetupReader.Read(Yaml(edited, dropped), "setup.yaml");

        var changes = SetupDiff.Compute(Billed, file).Changes;

        Assert.Equal(["update payer MEDICARE at FM-NORTH (claimFilingIndicator, receiver)", "deactivate payer AETNA at HEART"], changes.Select(c => c.Describe()));
        Assert.False(Assert.IsType<PayerChanged>(changes[1]).Payer.Active);
    }

    [Fact]
    public void A_changed_billing_profile_names_its_fields_and_removing_it_is_a_conflict()
    {
        var changed = SetupReader.Read(Yaml(heart: HeartBilling.Replace("9 Heart Way", "10 Heart Way", StringComparison.Ordinal) + "      production: true\n"), "setup.yaml");
        var removed = SetupReader.Read(Yaml(heart: string.Empty), "setup.yaml");

        Assert.Equal(["change billing profile of HEART (address, production)"], SetupDiff.Compute(Billed, changed).Changes.Select(c => c.Describe()));
        var plan = SetupDiff.Compute(Billed, removed);
        Assert.Contains("practices[1].billing: HEART has a billing profile; it is changed, never removed (claims were billed under it)", plan.Conflicts);
        Assert.Contains("deactivate payer AETNA at HEART", plan.Changes.Select(c => c.Describe()));
    }

    [Theory]
    [InlineData(SetupFormat.Yaml)]
    [InlineData(SetupFormat.Json)]
    public void The_writer_s_output_reads_back_as_the_same_setup(SetupFormat format)
    {
        var text = SetupWriter.Write(Billed, format);

        var back = SetupReader.Read(text, format, format == SetupFormat.Json ? "setup.json" : "setup.yaml");

        Assert.True(back.SameAs(Billed));
        Assert.True(SetupDiff.Compute(Billed, back).NothingChanged);
        Assert.Contains("787011234", text, StringComparison.Ordinal);
    }
}
