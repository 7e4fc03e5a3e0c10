using CodeLedger.Core.Setup;

namespace CodeLedger.Core.Tests.Setup;

public sealed class SetupDiffTests
{
    private static readonly SetupDocument Sample = SetupReader.Read(SetupSamples.Yaml, "setup.yaml");

    private static SetupDocument Edit(string from, string to) =>
        SetupReader.Read(SetupSamples.Yaml.Replace(from, to, StringComparison.Ordinal), "setup.yaml");

    [Fact]
    public void An_empty_store_gets_every_organization_then_agreements_contracts_physicians_and_coders_in_file_order()
    {
        var plan = SetupDiff.Compute(SetupDocument.Empty, Sample);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(
            [
                "register vendor ACME", "register vendor BETA-CODING", "register practice FM-NORTH", "register practice HEART", "register audit firm AUDIT-CO",
                "sign BAA FM-NORTH/ACME/2026-01-01", "sign BAA HEART/BETA-CODING/2026-01-01", "sign SLA contract FM-NORTH/ACME/2026-01-01",
                "enrol physician 1234567893 at FM-NORTH", "enrol physician 1000000012 at FM-NORTH", "enrol physician 1245319599 at HEART",
                "enrol coder jdoe at ACME", "enrol coder mlead at ACME", "enrol coder bcoder at BETA-CODING",
            ],
            plan.Changes.Select(c => c.Describe()));
    }

    [Fact]
    public void The_same_setup_twice_changes_nothing_whatever_its_order()
    {
        Assert.True(SetupDiff.Compute(Sample, Sample).NothingChanged);
        Assert.True(SetupDiff.Compute(Sample.Canonical(), Sample).NothingChanged);
    }

    [Fact]
    public void One_physician_s_new_taxonomy_is_one_change_naming_the_field()
    {
        var file = Edit("name: Dr. Sam Okafor, taxonomy: 207Q00000X", "name: Dr. Sam Okafor, taxonomy: 207QA0505X");

        var change = Assert.IsType<PhysicianChanged>(Assert.Single(SetupDiff.Compute(Sample, file).Changes));

        Assert.Equal(["taxonomy"], change.Changed);
        Assert.Equal("207QA0505X", change.Physician.Taxonomy);
    }

    [Fact]
    public void A_coder_missing_from_the_file_is_deactivated_and_a_missing_physician_too()
    {
        var file = Edit("      - userName: bcoder\n        name: Bea Coder\n        specialties: [cardiology]\n        credentials:\n          - {kind: CCC, number: CCC-3, issuedOn: 2021-05-01, expiresOn: 2029-05-01}\n", string.Empty);
        file = file with { Practices = [file.Practices[0] with { Physicians = [file.Practices[0].Physicians[0]] }, file.Practices[1]] };

        var changes = SetupDiff.Compute(Sample, file).Changes;

        Assert.Equal(["deactivate physician 1000000012 at FM-NORTH", "deactivate coder bcoder at BETA-CODING"], changes.Select(c => c.Describe()));
        Assert.False(Assert.IsType<CoderChanged>(changes[1]).Coder.Active);
        Assert.True(SetupDiff.Compute(Apply(Sample, changes), file).NothingChanged);
    }

    [Fact]
    public void A_new_credential_and_an_absence_are_one_coder_change_naming_both()
    {
        var file = SetupEdits.AddAbsence(
            SetupEdits.AddCredential(Sample, "jdoe", new CredentialSetup("CEMC", "CEMC-9", new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1))),
            "jdoe", new AbsenceSetup(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3), "training"));

        var change = Assert.IsType<CoderChanged>(Assert.Single(SetupDiff.Compute(Sample, file).Changes));

        Assert.Equal(["credentials", "absences"], change.Changed);
    }

    [Fact]
    public void A_signed_contract_s_terms_are_never_edited_in_place_but_a_later_contract_is_signed()
    {
        var edited = Edit("turnaroundTargetHours: 48", "turnaroundTargetHours: 24");
        var conflict = Assert.Single(SetupDiff.Compute(Sample, edited).Conflicts);
        Assert.StartsWith("contracts[0]: contract FM-NORTH/ACME/2026-01-01 differs from the one signed", conflict, StringComparison.Ordinal);

        var amended = Sample with { Contracts = [Sample.Contracts[0], Sample.Contracts[0] with { EffectiveOn = new DateOnly(2026, 7, 1), TurnaroundTargetHours = 24 }] };
        var change = Assert.IsType<ContractSigned>(Assert.Single(SetupDiff.Compute(Sample, amended).Changes));
        Assert.Equal(new DateOnly(2026, 7, 1), change.Contract.EffectiveOn);
    }

    [Fact]
    public void A_baa_may_gain_a_termination_once_and_never_be_removed_or_edited()
    {
        var terminated = SetupEdits.TerminateAgreement(Sample, "FM-NORTH", "ACME", new DateOnly(2026, 6, 30));
        var change = Assert.IsType<AgreementTerminated>(Assert.Single(SetupDiff.Compute(Sample, terminated).Changes));
        Assert.Equal(new DateOnly(2026, 6, 30), change.LastDay);

        var moved = SetupEdits.TerminateAgreement(Sample, "FM-NORTH", "ACME", new DateOnly(2026, 7, 31));
        Assert.Single(SetupDiff.Compute(terminated, moved).Conflicts);
        Assert.Contains(SetupDiff.Compute(Sample, Sample with { Agreements = [Sample.Agreements[1]], Contracts = [] }).Conflicts,
            c => c.StartsWith("agreements: BAA FM-NORTH/ACME/2026-01-01 is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void An_organization_is_never_removed_renamed_or_changes_kind_and_a_physician_never_moves_practice()
    {
        Assert.Contains("auditFirms: AUDIT-CO is missing; an organization is never removed (its history stays)",
            SetupDiff.Compute(Sample, Sample with { AuditFirms = [] }).Conflicts);
        Assert.Single(SetupDiff.Compute(Sample, Edit("name: Heartwell Cardiology", "name: Heartwell Heart")).Conflicts);
        var okafor = Sample.Practices[0].Physicians[1];
        var moved = Sample with
        {
            Practices = [Sample.Practices[0] with { Physicians = [Sample.Practices[0].Physicians[0]] }, Sample.Practices[1] with { Physicians = [okafor, .. Sample.Practices[1].Physicians] }],
        };
        Assert.Contains(SetupDiff.Compute(Sample, moved).Conflicts, c => c.StartsWith("practices[1].physicians[0].npi: physician 1000000012 is enrolled at FM-NORTH", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_vendor_and_a_second_practice_are_added_without_touching_the_first()
    {
        var first = Sample with
        {
            Vendors = [Sample.Vendors[0]],
            Practices = [Sample.Practices[0]],
            AuditFirms = [],
            Agreements = [Sample.Agreements[0]],
        };

        var changes = SetupDiff.Compute(first, Sample).Changes.Select(c => c.Describe());

        Assert.Equal(
            [
                "register vendor BETA-CODING", "register practice HEART", "register audit firm AUDIT-CO", "sign BAA HEART/BETA-CODING/2026-01-01",
                "enrol physician 1245319599 at HEART", "enrol coder bcoder at BETA-CODING",
            ],
            changes);
    }

    /// <summary>The document a store holds after the changes: the file's own view of physicians and coders.</summary>
    private static SetupDocument Apply(SetupDocument stored, IReadOnlyList<SetupChange> changes)
    {
        foreach (var change in changes)
        {
            stored = change switch
            {
                PhysicianChanged p => stored with { Practices = [.. stored.Practices.Select(x => x with { Physicians = [.. x.Physicians.Select(d => d.Npi == p.Physician.Npi ? p.Physician : d)] })] },
                CoderChanged c => stored with { Vendors = [.. stored.Vendors.Select(v => v with { Coders = [.. v.Coders.Select(k => k.UserName == c.Coder.UserName ? c.Coder : k)] })] },
                _ => throw new InvalidOperationException(change.Describe()),
            };
        }

        return stored;
    }
}
