using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Common;
using CodeLedger.Core.Tenancy;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>
/// Who works a practice's claims (docs/BILLING.md, "Who"): its admin, and a vendor's admin or coding
/// lead while a BAA with the practice is in force; a stranger is told the practice does not exist.
/// </summary>
public sealed class ClaimAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Lapsed = Guid.NewGuid();

    private static readonly BusinessAssociateAgreement[] Agreements =
    [
        new(Guid.NewGuid(), North, Acme, "practice", "vendor", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), null, new string('a', 64)),
        new(Guid.NewGuid(), North, Lapsed, "practice", "vendor", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30), new string('b', 64)),
    ];

    private static void Check(Principal p, Guid practice) =>
        ClaimAccess.Require(p, AccessPolicy.Scope(p, Agreements.Where(a => a.VendorId == p.OrganizationId), [], [], new Dictionary<Guid, Guid>(), Now),
            practice, "NORTH", "submitting claims");

    private static string Refusal(Principal p, Guid? practice)
    {
        var scope = AccessPolicy.Scope(p, Agreements.Where(a => a.VendorId == p.OrganizationId), [], [], new Dictionary<Guid, Guid>(), Now);
        var e = Assert.Throws<DomainException>(() => ClaimAccess.Require(p, scope, practice, "NORTH", "submitting claims"));
        return $"{e.Code}: {e.Message}";
    }

    [Fact]
    public void The_practices_admin_and_an_in_force_vendors_admin_and_coding_lead_work_its_claims()
    {
        Check(new Principal("pa", UserRole.PracticeAdmin, North), North);
        Check(new Principal("va", UserRole.VendorAdmin, Acme), North);
        Check(new Principal("lead", UserRole.CodingLead, Acme, Guid.NewGuid()), North);
    }

    [Fact]
    public void Another_practices_admin_a_lapsed_vendor_and_an_unknown_code_all_read_as_no_such_practice()
    {
        var unknown = Refusal(new Principal("pa", UserRole.PracticeAdmin, North), null);

        Assert.StartsWith("ORG-UNKNOWN", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, Refusal(new Principal("ps", UserRole.PracticeAdmin, South), North));
        Assert.Equal(unknown, Refusal(new Principal("old", UserRole.VendorAdmin, Lapsed), North));
    }

    [Fact]
    public void A_coder_a_physician_or_an_auditor_may_not_whatever_they_reach()
    {
        Assert.StartsWith("ACCESS-ROLE-REFUSED", Refusal(new Principal("c", UserRole.Coder, Acme, Guid.NewGuid()), North), StringComparison.Ordinal);
        Assert.StartsWith("ACCESS-ROLE-REFUSED", Refusal(new Principal("aud", UserRole.Auditor, North), North), StringComparison.Ordinal);
        Assert.StartsWith("ACCESS-ROLE-REFUSED", Refusal(new Principal("dr", UserRole.Physician, North, physicianNpi: "1234567893"), North), StringComparison.Ordinal);
    }
}

/// <summary>Which claim may be replaced or voided (docs/BILLING.md, "Corrections and voids").</summary>
public sealed class ClaimCorrectionTests
{
    private static ClaimCorrection.Sent Claim(string id, ClaimStatus status, ClaimFrequency frequency = ClaimFrequency.Original, string? replaces = null) =>
        new(id, frequency, status, replaces);

    private static string Refusal(ClaimCorrection.Sent target, ClaimFrequency frequency, params ClaimCorrection.Sent[] others) =>
        Assert.Throws<DomainException>(() => ClaimCorrection.Check(target, [target, .. others], frequency)).Message;

    [Theory]
    [InlineData(ClaimStatus.Submitted)]
    [InlineData(ClaimStatus.Accepted)]
    [InlineData(ClaimStatus.Paid)]
    [InlineData(ClaimStatus.Denied)]
    public void A_claim_that_left_may_be_replaced_or_voided(ClaimStatus status)
    {
        var sent = Claim("ENC1-1", status);

        ClaimCorrection.Check(sent, [sent], ClaimFrequency.Replacement);
        ClaimCorrection.Check(sent, [sent], ClaimFrequency.Void);
    }

    [Theory]
    [InlineData(ClaimStatus.FixQueue, "fix-queue")]
    [InlineData(ClaimStatus.Ready, "ready")]
    public void A_claim_that_never_left_is_fixed_not_corrected(ClaimStatus status, string name) =>
        Assert.Contains($"claim ENC1-1 never left (it is {name})", Refusal(Claim("ENC1-1", status), ClaimFrequency.Replacement), StringComparison.Ordinal);

    [Fact]
    public void A_rejected_claim_never_reached_the_payer_so_it_is_resent_not_corrected()
    {
        var rejected = Claim("ENC1-1", ClaimStatus.Rejected);

        Assert.Contains("claim ENC1-1 was rejected by an acknowledgment before the payer adjudicated it: it cannot be corrected", Refusal(rejected, ClaimFrequency.Replacement), StringComparison.Ordinal);
        Assert.Contains("the next claims submit resends it", Refusal(rejected, ClaimFrequency.Void), StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_already_resent_names_its_resend()
    {
        var resent = Claim("ENC1-2", ClaimStatus.Submitted, ClaimFrequency.Original, "ENC1-1");

        // The resend's predecessor was rejected; a replacement of an accepted one (say, after a later 999) still names its resend.
        Assert.Contains("claim ENC1-1 is already resent as ENC1-2 (submitted)", Refusal(Claim("ENC1-1", ClaimStatus.Accepted), ClaimFrequency.Replacement, resent), StringComparison.Ordinal);
    }

    [Fact]
    public void A_void_is_neither_voided_nor_replaced()
    {
        var voided = Claim("ENC1-2", ClaimStatus.Submitted, ClaimFrequency.Void, "ENC1-1");

        Assert.Contains("claim ENC1-2 is a void: it cannot be voided", Refusal(voided, ClaimFrequency.Void), StringComparison.Ordinal);
        Assert.Contains("claim ENC1-2 is a void: it cannot be corrected", Refusal(voided, ClaimFrequency.Replacement), StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_already_replaced_names_its_replacement_which_is_the_one_to_correct()
    {
        var original = Claim("ENC1-1", ClaimStatus.Submitted);
        var replacement = Claim("ENC1-2", ClaimStatus.Ready, ClaimFrequency.Replacement, "ENC1-1");

        Assert.Contains("claim ENC1-1 is already replaced by ENC1-2 (ready)", Refusal(original, ClaimFrequency.Void, replacement), StringComparison.Ordinal);
        ClaimCorrection.Check(replacement with { Status = ClaimStatus.Submitted }, [original, replacement with { Status = ClaimStatus.Submitted }], ClaimFrequency.Replacement);
    }

    [Theory]
    [InlineData("Dr. Maya Chen", "Chen", "Maya")]
    [InlineData("Maya Li Chen, MD", "Chen", "Maya Li")]
    [InlineData("  Dr   Samuel  Okafor ", "Okafor", "Samuel")]
    [InlineData("Okafor", "Okafor", "")]
    public void A_roster_name_splits_into_family_and_given_names_without_title_or_credentials(string name, string family, string given)
    {
        var physician = RenderingPhysician.FromRoster("1245319599", name, "207Q00000X");

        Assert.Equal((family, given), (physician.FamilyName, physician.GivenName));
    }

    [Fact]
    public void A_replacement_sends_the_current_final_coding_and_a_void_the_voided_claims_own()
    {
        Assert.Equal(3, ClaimCorrection.CodingVersion(ClaimFrequency.Replacement, claimVersion: 2, currentFinalVersion: 3));
        Assert.Equal(2, ClaimCorrection.CodingVersion(ClaimFrequency.Void, claimVersion: 2, currentFinalVersion: 3));
        Assert.Equal(2, ClaimCorrection.CodingVersion(ClaimFrequency.Replacement, claimVersion: 2, currentFinalVersion: null));
    }
}
