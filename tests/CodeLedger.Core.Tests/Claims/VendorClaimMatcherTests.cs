using CodeLedger.Core.Accounts;
using CodeLedger.Core.Claims;
using CodeLedger.Core.Common;
using CodeLedger.Testing;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Claims;

/// <summary>Which claim of a vendor's 837P is the coding of which encounter, and every problem found: decided without a database.</summary>
public sealed class VendorClaimMatcherTests
{
    private const string Npi = "1234567893";
    private const string OtherNpi = "1245319599";
    private static readonly DateOnly Dos = new(2026, 10, 2);

    private static readonly Dictionary<string, ClaimEncounter> Encounters = new(StringComparer.Ordinal)
    {
        ["NFM-000123"] = new(Guid.NewGuid(), "NFM-000123", Dos),
        ["NFM-000124"] = new(Guid.NewGuid(), "NFM-000124", Dos.AddDays(1)),
    };

    private static readonly HashSet<string> PracticeNpis = [Npi];

    private static VendorClaim Claim(string clm01, DateOnly date, string npi = Npi, string[]? diagnoses = null, string procedure = "99213", string st = "0001")
    {
        var payer = new X12Name("PR", "2", "PAYER", IdQualifier: "PI", Id: "P1");
        var subscriber = new Subscriber837("P", "18", null, "CI", new X12Name("IL", "1", "SECRETNAME", "ROSA", null, null, "MI", "MEMBER77"), null, new DateOnly(1961, 2, 3), "F", payer);
        var billing = new BillingProvider837(new X12Name("85", "2", "CLINIC", IdQualifier: "XX", Id: npi), new X12Address("1 MAIN", null, "X", "IL", "62701"), "EI", "371234567");
        var claim = new Claim837(billing, subscriber, null, clm01, 100m, "11", "1", "Y", "A", "Y", "Y", null, null,
            (diagnoses ?? ["E119", "I10"]).Select((d, i) => new Diagnosis837(i == 0 ? "ABK" : "ABF", d)).ToArray(), null, null,
            [new ServiceLine837(1, "HC", procedure, ["25"], null, 100m, "UN", 1, null, [1, 2], date, null)]);
        return new VendorClaim("000000001", "1", st, claim);
    }

    [Fact]
    public void A_claim_whose_clm01_date_and_npi_match_carries_the_vendors_codes_in_claim_order()
    {
        var m = VendorClaimMatcher.Match("a.837", [Claim("NFM-000123", Dos, diagnoses: ["I10", "E119"])], Encounters, PracticeNpis);

        Assert.Empty(m.Problems);
        var match = Assert.Single(m.Matches);
        Assert.Equal(Encounters["NFM-000123"], match.Encounter);
        Assert.Equal(["I10", "E119"], match.Diagnoses.Select(d => d.Value));
        Assert.Equal(("99213", "25", 1m, "100.00"), (match.Lines[0].Code.Value, match.Lines[0].Modifiers[0].Value, match.Lines[0].Units, match.Lines[0].Charge.ToString()));
        Assert.Equal([1, 2], match.Lines[0].Pointers);
    }

    [Fact]
    public void A_service_date_other_than_the_encounters_is_named_by_st_clm_lx_and_dtp()
    {
        var m = VendorClaimMatcher.Match("claims.837", [Claim("NFM-000123", new DateOnly(2026, 10, 3))], Encounters, PracticeNpis);

        Assert.Empty(m.Matches);
        Assert.Equal(["claims.837 ST 0001 CLM*NFM-000123 LX*1 DTP*472: service date 2026-10-03, encounter's date of service 2026-10-02"], m.Problems);
    }

    [Fact]
    public void Every_problem_of_every_claim_is_listed_and_none_is_matched()
    {
        var m = VendorClaimMatcher.Match("f.837",
        [
            Claim("NFM-000123", Dos),
            Claim("UNKNOWN-1", Dos, st: "0002"),
            Claim("NFM-000124", Dos.AddDays(1), npi: OtherNpi),
            Claim("NFM-000123", Dos, st: "0003"),
            Claim("NFM-000124", Dos.AddDays(1), diagnoses: ["11X"], procedure: "ZZ", st: "0004"),
        ], Encounters, PracticeNpis);

        Assert.Empty(m.Matches);
        Assert.Equal(
        [
            "f.837 ST 0002 CLM*UNKNOWN-1 CLM01: no encounter of the practice has this patient control number (CLM01 must be the encounter's id as imported)",
            $"f.837 ST 0001 CLM*NFM-000124 NM1*85 (2010AA) NM109: NPI {OtherNpi} is not a physician of the practice",
            "f.837 ST 0003 CLM*NFM-000123 CLM01: the encounter is billed twice in this file (first in ST 0001); send one claim per encounter",
            "f.837 ST 0004 CLM*NFM-000124 CLM01: the encounter is billed twice in this file (first in ST 0001); send one claim per encounter",
        ], m.Problems.Where(p => !p.Contains(" HI", StringComparison.Ordinal) && !p.Contains(" SV1", StringComparison.Ordinal)));
        Assert.Contains(m.Problems, p => p.StartsWith("f.837 ST 0004 CLM*NFM-000124 HI01: ", StringComparison.Ordinal));
        Assert.Contains(m.Problems, p => p.StartsWith("f.837 ST 0004 CLM*NFM-000124 LX*1 SV1: ", StringComparison.Ordinal));
        Assert.All(m.Problems, p => Assert.DoesNotContain("SECRETNAME", p, StringComparison.Ordinal));
        Assert.All(m.Problems, p => Assert.DoesNotContain("MEMBER77", p, StringComparison.Ordinal));
    }

    [Fact]
    public void One_bad_claim_among_any_number_of_good_ones_refuses_the_file_with_exactly_its_problem()
    {
        var cases = from good in Gen.Choose(0, 30)
                    from bad in Gen.Choose(0, good)
                    select (good, bad);
        Properties.ForAll(cases, c =>
        {
            var encounters = Enumerable.Range(0, c.good + 1).ToDictionary(i => $"E-{i}", i => new ClaimEncounter(Guid.NewGuid(), $"E-{i}", Dos), StringComparer.Ordinal);
            var claims = Enumerable.Range(0, c.good + 1).Select(i => Claim($"E-{i}", i == c.bad ? Dos.AddDays(-1) : Dos)).ToList();

            var m = VendorClaimMatcher.Match("p.837", claims, encounters, PracticeNpis);

            Assert.Empty(m.Matches);
            Assert.Equal([$"p.837 ST 0001 CLM*E-{c.bad} LX*1 DTP*472: service date 2026-10-01, encounter's date of service 2026-10-02"], m.Problems);
        });
    }

    [Fact]
    public void Only_the_practices_admin_or_its_own_auditor_may_import_others_are_told_there_is_no_such_practice()
    {
        var practice = Guid.NewGuid();
        VendorClaimAccess.Require(new Principal("admin", UserRole.PracticeAdmin, practice), practice, "P");
        VendorClaimAccess.Require(new Principal("auditor", UserRole.Auditor, practice), practice, "P");

        var other = Assert.Throws<DomainException>(() => VendorClaimAccess.Require(new Principal("admin2", UserRole.PracticeAdmin, Guid.NewGuid()), practice, "P"));
        var firm = Assert.Throws<DomainException>(() => VendorClaimAccess.Require(new Principal("firm", UserRole.Auditor, Guid.NewGuid()), practice, "P"));
        var coder = Assert.Throws<DomainException>(() => VendorClaimAccess.Require(new Principal("coder", UserRole.Coder, practice, Guid.NewGuid()), practice, "P"));

        Assert.Equal(("ORG-UNKNOWN", "no practice with code 'P'"), (other.Code, other.Message));
        Assert.Equal("ORG-UNKNOWN", firm.Code);
        Assert.Equal("USER-ROLE-REFUSED", coder.Code);
    }

    [Fact]
    public void A_file_that_is_not_an_837p_or_is_cut_short_is_unreadable_naming_the_file()
    {
        var text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261014*0930*^*00501*000000001*0*P*:~GS*HC*A*B*20261014*0930*1*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*1*20261014*0930*CH~";
        var cut = Assert.Throws<DomainException>(() => VendorClaimFile.Read("cut.837", System.Text.Encoding.ASCII.GetBytes(text)));
        var notX12 = Assert.Throws<DomainException>(() => VendorClaimFile.Read("notes.txt", "hello"u8.ToArray()));

        Assert.Equal("CLAIMS-IMPORT-UNREADABLE", cut.Code);
        Assert.StartsWith("cut.837 ", cut.Message, StringComparison.Ordinal);
        Assert.Equal("CLAIMS-IMPORT-UNREADABLE", notX12.Code);
        Assert.StartsWith("notes.txt is not an X12 005010 file", notX12.Message, StringComparison.Ordinal);
    }
}
