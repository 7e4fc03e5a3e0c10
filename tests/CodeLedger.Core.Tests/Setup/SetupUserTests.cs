using CodeLedger.Core.Setup;

namespace CodeLedger.Core.Tests.Setup;

/// <summary>
/// The <c>users</c> of a setup file: checked by the account rules with a path for every problem,
/// reported with the file's other problems; diffed so a file lists accounts whole (a missing user
/// is disabled) and a file without the key leaves them alone.
/// </summary>
public sealed class SetupUserTests
{
    private const string Users = """
        users:
          - {userName: admin, displayName: Ann Admin, email: ann@acme.example, organization: ACME, role: vendor-admin}
          - {userName: jdoe, displayName: Jane Doe, organization: ACME, role: coder}
          - {userName: lead, displayName: Mia Lead, organization: ACME, role: coding-lead, coder: mlead}
          - {userName: dr-chen, displayName: Dr. Maya Chen, organization: FM-NORTH, role: physician, physicianNpi: "1234567893"}
          - {userName: auditor, displayName: Al Auditor, organization: AUDIT-CO, role: auditor, active: false}

        """;

    private static SetupDocument Read(string users) => SetupReader.Read(SetupSamples.Yaml + users, "setup.yaml");

    private static IReadOnlyList<string> Problems(string users, string yaml = SetupSamples.Yaml) =>
        Assert.Throws<SetupRefusedException>(() => SetupReader.Read(yaml + users, "setup.yaml")).Problems;

    [Fact]
    public void Users_read_with_their_links_a_coder_s_own_name_by_default_and_read_back_from_yaml_and_json()
    {
        var document = Read(Users);

        Assert.Equal(5, document.Users!.Count);
        Assert.Equal("jdoe", document.Users[1].Coder);
        Assert.Equal("mlead", document.Users[2].Coder);
        Assert.Equal("1234567893", document.Users[3].PhysicianNpi);
        Assert.False(document.Users[4].Active);
        Assert.True(document.SameAs(SetupReader.Read(SetupWriter.Yaml(document), "again.yaml")));
        Assert.True(document.SameAs(SetupReader.Read(SetupWriter.Json(document), "again.json")));
        Assert.DoesNotContain("coder: jdoe", SetupWriter.Yaml(document), StringComparison.Ordinal);
        Assert.Null(SetupReader.Read(SetupSamples.Yaml, "setup.yaml").Users);
        Assert.Empty(Read("users:\n").Users!);
    }

    [Fact]
    public void Every_bad_user_field_is_named_by_its_path_together_with_the_file_s_other_problems()
    {
        var problems = Problems("""
            users:
              - {userName: Admin, displayName: Ann, organization: ACME, role: vendor-admin}
              - {userName: x1x, displayName: X, organization: ACME, role: overlord}
              - {userName: dr-chen, displayName: Dr. Chen, organization: FM-NORTH, role: physician}
              - {userName: padmin, displayName: P, organization: FM-NORTH, role: practice-admin, coder: jdoe}
              - {userName: jdoe, displayName: J, organization: ACME, role: coder, physicianNpi: "1234567893", email: not-an-address}
              - {userName: nobody, organization: ACME, role: coder, password: hunter2}

            """, SetupSamples.Yaml.Replace("\"1000000012\"", "\"1000000013\"", StringComparison.Ordinal)).ToList();

        Assert.Contains(problems, p => p.StartsWith("users[0].userName: a user name is 3 to 64 lower-case letters", StringComparison.Ordinal));
        Assert.Contains("users[1].role: unknown role 'overlord' (one of vendor-admin, coding-lead, coder, practice-admin, physician, auditor)", problems);
        Assert.Contains(problems, p => p.StartsWith("users[2].physicianNpi: user dr-chen: a physician user names the physician's NPI", StringComparison.Ordinal));
        Assert.Contains("users[3].coder: user padmin: a practice-admin links to no coder or physician", problems);
        Assert.Contains("users[4].physicianNpi: user jdoe: a coder links to a coder, not a physician", problems);
        Assert.Contains("users[4].email: 'not-an-address' is not an email address", problems);
        Assert.Contains("users[5].displayName: required", problems);
        Assert.Contains(problems, p => p.StartsWith("users[5].password: not a field here", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("practices[0].physicians[1].npi: ", StringComparison.Ordinal));
        Assert.True(problems.Count == 9, string.Join("\n", problems));
    }

    [Fact]
    public void Users_must_fit_the_file_s_organizations_their_kinds_and_their_coders_and_physicians()
    {
        var problems = Problems("""
            users:
              - {userName: jdoe, displayName: J, organization: FM-NORTH, role: coder}
              - {userName: ghost, displayName: G, organization: NOWHERE, role: vendor-admin}
              - {userName: bcoder, displayName: B, organization: ACME, role: coder}
              - {userName: dr-reyes, displayName: Dr. Reyes, organization: FM-NORTH, role: physician, physicianNpi: "1245319599"}
              - {userName: ghost, displayName: G2, organization: AUDIT-CO, role: auditor}
              - {userName: fm-auditor, displayName: F, organization: FM-NORTH, role: auditor}
              - {userName: audit-admin, displayName: A, organization: AUDIT-CO, role: practice-admin}

            """);

        Assert.Equal(
            [
                "users[0].role: a coder cannot belong to FM-NORTH, a practice",
                "users[1].organization: no organization with code NOWHERE in the file",
                "users[2].coder: no coder bcoder at ACME in the file",
                "users[3].physicianNpi: NPI 1245319599 is not listed at FM-NORTH",
                "users[4].userName: user ghost is already listed at users[1]",
                "users[6].role: a practice-admin cannot belong to AUDIT-CO, an audit firm",
            ],
            problems);
    }

    [Fact]
    public void A_file_without_users_leaves_accounts_alone_and_one_with_them_adds_changes_and_disables()
    {
        var stored = Read(Users);
        var none = SetupReader.Read(SetupSamples.Yaml, "setup.yaml");

        Assert.True(SetupDiff.Compute(stored, none).NothingChanged);
        Assert.True(SetupDiff.Compute(stored, stored).NothingChanged);
        Assert.Equal(
            ["add user admin (vendor-admin) at ACME", "add user jdoe (coder) at ACME", "add user lead (coding-lead) at ACME",
             "add user dr-chen (physician) at FM-NORTH", "add user auditor (auditor) at AUDIT-CO", "disable user auditor at AUDIT-CO"],
            SetupDiff.Compute(none, stored).Changes.Select(c => c.Describe()));

        var edited = Read(Users
            .Replace("role: coder}", "role: coding-lead}", StringComparison.Ordinal)
            .Replace("  - {userName: admin, displayName: Ann Admin, email: ann@acme.example, organization: ACME, role: vendor-admin}\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal(["update user jdoe at ACME (role)", "disable user admin at ACME"], SetupDiff.Compute(stored, edited).Changes.Select(c => c.Describe()));
    }

    [Fact]
    public void A_user_never_moves_organization_and_a_disabled_user_is_not_re_enabled_by_a_file()
    {
        var stored = Read(Users);
        var moved = Read(Users.Replace("{userName: dr-chen, displayName: Dr. Maya Chen, organization: FM-NORTH", "{userName: dr-chen, displayName: Dr. Maya Chen, organization: HEART", StringComparison.Ordinal)
            .Replace("physicianNpi: \"1234567893\"", "physicianNpi: \"1245319599\"", StringComparison.Ordinal));
        var enabled = Read(Users.Replace(", active: false}", "}", StringComparison.Ordinal));

        Assert.Equal(["users[3].organization: user dr-chen belongs to FM-NORTH; a user never moves organization (disable it and add a new one)"], SetupDiff.Compute(stored, moved).Conflicts);
        Assert.Equal(["users[4].active: user auditor is disabled; a setup file does not re-enable an account (add a new user)"], SetupDiff.Compute(stored, enabled).Conflicts);
    }
}
