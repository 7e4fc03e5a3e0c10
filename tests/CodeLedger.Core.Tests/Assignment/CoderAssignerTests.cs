using CodeLedger.Core.Assignment;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Assignment;

public sealed class CoderAssignerTests
{
    private static readonly DateOnly Day = new(2026, 3, 4);
    private static readonly Specialty FamilyMedicine = Specialty.Parse("family-medicine");
    private static readonly Specialty Cardiology = Specialty.Parse("cardiology");
    private static readonly CoderAssigner Assigner = new(CredentialSpecialtyMap.Default);

    private static Coder Coder(string user, CredentialKind kind, string[] specialties, DateOnly? expires = null, Absence? away = null) =>
        new(Guid.NewGuid(), Guid.Empty, user, user, [new Credential(kind, "N-1", new DateOnly(2020, 1, 1), expires ?? new DateOnly(2028, 1, 1))],
            specialties.Select(Specialty.Parse), away is null ? null : [away]);

    [Fact]
    public void Least_open_work_wins_among_qualified_coders()
    {
        var busy = Coder("busy", CredentialKind.Cpc, ["family-medicine"]);
        var idle = Coder("idle", CredentialKind.Cpc, ["family-medicine"]);

        var result = Assigner.Assign(FamilyMedicine, Day, [busy, idle], new Dictionary<Guid, int> { [busy.Id] = 5, [idle.Id] = 2 });

        Assert.Equal(("idle", AssignmentBasis.Primary), (result.CoderUserName, result.Basis));
    }

    [Fact]
    public void Coder_away_on_the_day_is_passed_over()
    {
        var away = Coder("away", CredentialKind.Cpc, ["family-medicine"], away: new Absence(Day, Day.AddDays(2), "leave"));
        var here = Coder("here", CredentialKind.Cpc, ["family-medicine"]);

        Assert.Equal("here", Assigner.Assign(FamilyMedicine, Day, [away, here], new Dictionary<Guid, int> { [here.Id] = 9 }).CoderUserName);
    }

    [Fact]
    public void Expired_credential_does_not_qualify()
    {
        var lapsed = Coder("lapsed", CredentialKind.Ccc, ["cardiology"], expires: Day.AddDays(-1));

        Assert.Equal(AssignmentBasis.Uncovered, Assigner.Assign(Cardiology, Day, [lapsed], new Dictionary<Guid, int>()).Basis);
    }

    [Fact]
    public void Credential_that_does_not_cover_the_specialty_does_not_qualify()
    {
        // A CPC covers primary care, not cardiology, even for a coder who lists cardiology.
        var generalist = Coder("generalist", CredentialKind.Cpc, ["cardiology"]);

        Assert.Equal(AssignmentBasis.Uncovered, Assigner.Assign(Cardiology, Day, [generalist], new Dictionary<Guid, int>()).Basis);
    }

    [Fact]
    public void Qualified_coder_outside_the_specialty_is_the_backup()
    {
        var away = Coder("usual", CredentialKind.Ccc, ["cardiology"], away: new Absence(Day, Day, "sick"));
        var backup = Coder("backup", CredentialKind.Ccc, ["family-medicine"]);

        var result = Assigner.Assign(Cardiology, Day, [away, backup], new Dictionary<Guid, int>());

        Assert.Equal(("backup", AssignmentBasis.Backup), (result.CoderUserName, result.Basis));
    }

    [Fact]
    public void Edited_map_changes_who_qualifies()
    {
        var map = CredentialSpecialtyMap.Parse("""{"credentials": {"CPC": ["cardiology"]}}""");
        var generalist = Coder("generalist", CredentialKind.Cpc, ["cardiology"]);

        Assert.Equal(AssignmentBasis.Primary, new CoderAssigner(map).Assign(Cardiology, Day, [generalist], new Dictionary<Guid, int>()).Basis);
    }

    [Fact]
    public void Coverage_flags_a_single_qualified_coder_and_expiring_credentials()
    {
        var only = Coder("only", CredentialKind.Ccc, ["cardiology"], expires: Day.AddDays(30));
        var fm1 = Coder("fm1", CredentialKind.Cpc, ["family-medicine"]);
        var fm2 = Coder("fm2", CredentialKind.Cpc, ["family-medicine"], away: new Absence(Day.AddDays(-3), Day.AddDays(10), "leave"));

        var coverage = CoverageCalculator.Build([Cardiology, FamilyMedicine, Specialty.Parse("orthopedic-surgery")], [only, fm1, fm2], CredentialSpecialtyMap.Default, Day);

        var cardio = coverage.Single(c => c.Specialty == "cardiology");
        Assert.Equal(("single", 30), (cardio.Risk, Assert.Single(cardio.ExpiringCredentials).DaysLeft));
        var fm = coverage.Single(c => c.Specialty == "family-medicine");
        Assert.Null(fm.Risk);
        Assert.Equal(["fm1", "fm2"], fm.CertifiedCoders);
        Assert.Equal(["fm1"], fm.AvailableThisWeek);
        Assert.Equal("none", coverage.Single(c => c.Specialty == "orthopedic-surgery").Risk);
    }

    [Fact]
    public void Credential_map_names_every_unknown_credential_field_and_specialty_at_once()
    {
        var e = Assert.Throws<Core.Common.DomainException>(() => CredentialSpecialtyMap.Parse("""{"credentials": {"CPC": ["family medicine!"], "XYZ": []}, "extra": 1}"""));

        Assert.Equal("CREDENTIAL-MAP-INVALID", e.Code);
        Assert.Contains("(at credentials.CPC[0])", e.Message, StringComparison.Ordinal);
        Assert.Contains("'XYZ' is not a known credential (at credentials.XYZ)", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'extra'", e.Message, StringComparison.Ordinal);
    }
}
