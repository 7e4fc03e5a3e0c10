using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Testing;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Tenancy;

/// <summary>What each role reaches and may do: own tenant against other tenant, agreements in and out of force, audit grants.</summary>
public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Rival = Guid.NewGuid();
    private static readonly Guid AuditFirm = Guid.NewGuid();
    private static readonly Physician Chen = Doctor(North, "1234567893");
    private static readonly Physician Colleague = Doctor(North, "1234567901");
    private static readonly Physician SouthDoctor = Doctor(South, "1987654328");
    private static readonly Guid AssignedCoder = Guid.NewGuid();

    private static readonly EncounterFacts NorthVisit = new(Guid.NewGuid(), North, Chen.Id, Acme);
    private static readonly EncounterFacts ColleagueVisit = new(Guid.NewGuid(), North, Colleague.Id, Acme);
    private static readonly EncounterFacts SouthVisit = new(Guid.NewGuid(), South, SouthDoctor.Id, Rival);

    private static readonly BusinessAssociateAgreement[] Agreements = [Baa(North, Acme, new DateOnly(2027, 12, 31)), Baa(South, Rival, null)];

    private static Physician Doctor(Guid practice, string npi) =>
        new(Guid.NewGuid(), practice, "Dr. " + npi, Npi.Parse(npi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));

    private static BusinessAssociateAgreement Baa(Guid practice, Guid vendor, DateOnly? expires, DateOnly? effective = null) =>
        new(Guid.NewGuid(), practice, vendor, "practice", "vendor", new DateOnly(2025, 1, 1), effective ?? new DateOnly(2025, 1, 1), expires, new string('a', 64));

    private static TenantScope ScopeOf(Principal? p, IEnumerable<AuditGrant>? grants = null, DateTimeOffset? at = null) =>
        AccessPolicy.Scope(p, Agreements, [Chen, Colleague, SouthDoctor], grants ?? [],
            new Dictionary<Guid, Guid> { [NorthVisit.Id] = North, [ColleagueVisit.Id] = North, [SouthVisit.Id] = South }, at ?? Now);

    private static AccessRefusal? Decide(Principal p, EncounterAction action, EncounterFacts e, IEnumerable<AuditGrant>? grants = null) =>
        AccessPolicy.Refusal(p, action, ScopeOf(p, grants), e, AssignedCoder);

    private static readonly Principal AcmeLead = new("lead", UserRole.CodingLead, Acme, Guid.NewGuid());
    private static readonly Principal AcmeAssignee = new("jdoe", UserRole.Coder, Acme, AssignedCoder);
    private static readonly Principal AcmeColleague = new("asmith", UserRole.Coder, Acme, Guid.NewGuid());
    private static readonly Principal AcmeAdmin = new("acme-admin", UserRole.VendorAdmin, Acme);
    private static readonly Principal NorthAdmin = new("north-admin", UserRole.PracticeAdmin, North);
    private static readonly Principal DrChen = new("dr-chen", UserRole.Physician, North, physicianNpi: "1234567893");
    private static readonly Principal Auditor = new("auditor", UserRole.Auditor, AuditFirm);

    public static TheoryData<EncounterAction> Actions => [EncounterAction.Read, EncounterAction.Code, EncounterAction.RaiseQuery, EncounterAction.Override];

    [Fact]
    public void The_operator_reaches_everything() =>
        Assert.True(new[] { NorthVisit, ColleagueVisit, SouthVisit }.All(ScopeOf(null).Reaches));

    [Theory]
    [MemberData(nameof(Actions))]
    public void Nobody_of_the_first_tenant_reaches_the_second_tenants_encounter(EncounterAction action)
    {
        foreach (var p in new[] { AcmeLead, AcmeAssignee, AcmeAdmin, NorthAdmin, DrChen, Auditor })
        {
            Assert.Equal(AccessRefusal.OutsideTenant, Decide(p, action, SouthVisit));
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Within_the_vendor_the_encounter_rule_decides_for_coders_and_leads(EncounterAction action)
    {
        Assert.Null(Decide(AcmeLead, action, NorthVisit));
        Assert.Equal(action == EncounterAction.Override ? AccessRefusal.NotALead : null, Decide(AcmeAssignee, action, NorthVisit));
        Assert.Equal(action == EncounterAction.Override ? AccessRefusal.NotALead : AccessRefusal.NotAssigned, Decide(AcmeColleague, action, NorthVisit));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Vendor_admin_physician_and_auditor_read_and_change_nothing(EncounterAction action)
    {
        var grant = new AuditGrant(Guid.NewGuid(), AuditFirm, North, [NorthVisit.Id], Now.AddDays(-1), Now.AddDays(1));
        var expected = action == EncounterAction.Read ? (AccessRefusal?)null : AccessRefusal.RoleMayNot;

        Assert.Equal(expected, Decide(AcmeAdmin, action, NorthVisit));
        Assert.Equal(expected, Decide(DrChen, action, NorthVisit));
        Assert.Equal(expected, Decide(Auditor, action, NorthVisit, [grant]));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Practice_admin_reaches_their_practice_but_does_nothing_with_the_chart(EncounterAction action)
    {
        Assert.True(ScopeOf(NorthAdmin).Reaches(ColleagueVisit));
        Assert.Equal(AccessRefusal.RoleMayNot, Decide(NorthAdmin, action, NorthVisit));
    }

    [Fact]
    public void Physician_reaches_their_own_encounters_and_not_a_colleagues()
    {
        Assert.True(ScopeOf(DrChen).Reaches(NorthVisit));
        Assert.False(ScopeOf(DrChen).Reaches(ColleagueVisit));
        Assert.Equal(AccessRefusal.OutsideTenant, Decide(DrChen, EncounterAction.Read, ColleagueVisit));
    }

    [Fact]
    public void A_physician_of_another_practice_with_the_same_npi_is_not_the_practices_physician()
    {
        var elsewhere = new Principal("dr-chen-south", UserRole.Physician, South, physicianNpi: "1234567893");

        Assert.False(ScopeOf(elsewhere).Reaches(NorthVisit));
    }

    [Fact]
    public void Only_the_physician_a_query_is_addressed_to_answers_it()
    {
        var colleague = new Principal("dr-lee", UserRole.Physician, North, physicianNpi: "1234567901");

        Assert.Null(AccessPolicy.AnswerRefusal(DrChen, ScopeOf(DrChen), NorthVisit, Chen.Id));
        Assert.Equal(AccessRefusal.OutsideTenant, AccessPolicy.AnswerRefusal(colleague, ScopeOf(colleague), NorthVisit, Chen.Id));
        Assert.Equal(AccessRefusal.RoleMayNot, AccessPolicy.AnswerRefusal(AcmeLead, ScopeOf(AcmeLead), NorthVisit, Chen.Id));
        Assert.Equal(AccessRefusal.RoleMayNot, AccessPolicy.AnswerRefusal(NorthAdmin, ScopeOf(NorthAdmin), NorthVisit, Chen.Id));
    }

    [Fact]
    public void Query_text_is_read_by_its_physician_and_by_who_may_read_the_note_not_by_the_practice_admin()
    {
        Assert.Null(AccessPolicy.QueryTextRefusal(DrChen, ScopeOf(DrChen), NorthVisit, Chen.Id, AssignedCoder));
        Assert.Null(AccessPolicy.QueryTextRefusal(AcmeAssignee, ScopeOf(AcmeAssignee), NorthVisit, Chen.Id, AssignedCoder));
        Assert.Equal(AccessRefusal.NotAssigned, AccessPolicy.QueryTextRefusal(AcmeColleague, ScopeOf(AcmeColleague), NorthVisit, Chen.Id, AssignedCoder));
        Assert.Equal(AccessRefusal.RoleMayNot, AccessPolicy.QueryTextRefusal(NorthAdmin, ScopeOf(NorthAdmin), NorthVisit, Chen.Id, AssignedCoder));
    }

    [Fact]
    public void An_agreement_that_expired_or_has_not_begun_ends_the_vendors_reach_even_to_encounters_received_before()
    {
        Assert.True(ScopeOf(AcmeLead, at: new DateTimeOffset(2027, 12, 31, 23, 0, 0, TimeSpan.Zero)).Reaches(NorthVisit));
        Assert.False(ScopeOf(AcmeLead, at: new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero)).Reaches(NorthVisit));

        var future = AccessPolicy.Scope(AcmeLead, [Baa(North, Acme, null, effective: new DateOnly(2026, 4, 1))], [], [], new Dictionary<Guid, Guid>(), Now);
        Assert.False(future.Reaches(NorthVisit));
    }

    [Fact]
    public void A_vendor_bound_to_a_practice_reaches_only_the_encounters_sent_to_it()
    {
        var sentToRival = NorthVisit with { Id = Guid.NewGuid(), VendorId = Rival };

        Assert.False(ScopeOf(AcmeLead).Reaches(sentToRival));
    }

    [Fact]
    public void Auditor_reaches_only_granted_encounters_of_the_grants_practice_while_the_grant_holds()
    {
        var grant = new AuditGrant(Guid.NewGuid(), AuditFirm, North, [NorthVisit.Id, SouthVisit.Id], Now.AddDays(-1), Now.AddDays(1));
        var otherFirm = new AuditGrant(Guid.NewGuid(), Guid.NewGuid(), North, [ColleagueVisit.Id], Now.AddDays(-1), Now.AddDays(1));

        Assert.Empty(ScopeOf(Auditor).EncounterIds);
        Assert.Equal([NorthVisit.Id], ScopeOf(Auditor, [grant, otherFirm]).EncounterIds);
        Assert.Empty(ScopeOf(Auditor, [grant], Now.AddDays(1)).EncounterIds);
        Assert.Empty(ScopeOf(Auditor, [grant], Now.AddDays(-2)).EncounterIds);
    }

    [Fact]
    public void An_audit_grant_names_an_encounter_and_ends_after_it_starts()
    {
        Assert.Equal(TenancyErrors.GrantEmpty.Value, Assert.Throws<DomainException>(() => new AuditGrant(Guid.NewGuid(), AuditFirm, North, [], Now, Now.AddDays(1))).Code);
        Assert.Equal(TenancyErrors.GrantWindow.Value, Assert.Throws<DomainException>(() => new AuditGrant(Guid.NewGuid(), AuditFirm, North, [NorthVisit.Id], Now, Now)).Code);
    }

    [Fact]
    public void Outside_the_tenant_is_told_exactly_as_a_missing_encounter()
    {
        var e = EncounterAccess.Refused(EncounterAction.Read, AccessRefusal.OutsideTenant, "rival", "A-1");

        Assert.Equal((Encounters.EncounterErrors.Unknown.Value, "no encounter 'A-1'"), (e.Code, e.Message));
    }

    /// <summary>
    /// Generated worlds (practices, vendors, agreements in and out of force, physicians, encounters,
    /// grants): the scope reaches an encounter exactly when the plain-words rule of the principal's
    /// role says so, written here independently of the policy.
    /// </summary>
    [Fact]
    public void In_generated_worlds_a_principal_reaches_exactly_what_their_roles_rule_allows() =>
        Properties.ForAll(Gen.Choose(1, int.MaxValue - 1), seed =>
        {
            var random = new Random(seed);
            Guid[] practices = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
            Guid[] vendors = [Guid.NewGuid(), Guid.NewGuid()];
            Guid[] firms = [Guid.NewGuid(), Guid.NewGuid()];
            string[] npis = ["1234567893", "1234567901", "1987654328"];
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            var agreements = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
            {
                // Effective from early 2025 to well after today; about a third expire, some before today.
                var effective = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 500));
                return Baa(practices[random.Next(3)], vendors[random.Next(2)], random.Next(3) == 0 ? effective.AddDays(random.Next(0, 500)) : null, effective);
            }).ToList();
            var physicians = npis.SelectMany(n => practices.Where(_ => random.Next(2) == 0).Select(p => Doctor(p, n))).ToList();
            var encounters = Enumerable.Range(0, 12).Select(_ =>
            {
                var practice = practices[random.Next(3)];
                var doctors = physicians.Where(p => p.PracticeId == practice).ToList();
                return new EncounterFacts(Guid.NewGuid(), practice, doctors.Count > 0 ? doctors[random.Next(doctors.Count)].Id : Guid.NewGuid(), vendors[random.Next(2)]);
            }).ToList();
            var grants = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            {
                var from = Now.AddDays(random.Next(-10, 3));
                return new AuditGrant(Guid.NewGuid(), firms[random.Next(2)], practices[random.Next(3)],
                    encounters.Where(_ => random.Next(3) == 0).Select(e => e.Id).Append(encounters[0].Id), from, from.AddDays(random.Next(1, 15)));
            }).ToList();
            var practiceOf = encounters.ToDictionary(e => e.Id, e => e.PracticeId);

            var role = (UserRole)random.Next(6);
            var org = role switch
            {
                UserRole.VendorAdmin or UserRole.CodingLead or UserRole.Coder => vendors[random.Next(2)],
                UserRole.Auditor => firms[random.Next(2)],
                _ => practices[random.Next(3)],
            };
            var principal = new Principal("someone", role, org, role is UserRole.Coder or UserRole.CodingLead ? Guid.NewGuid() : null,
                role == UserRole.Physician ? npis[random.Next(3)] : null);
            var scope = AccessPolicy.Scope(principal, agreements, physicians, grants, practiceOf, Now);

            foreach (var e in encounters)
            {
                var rule = role switch
                {
                    UserRole.VendorAdmin or UserRole.CodingLead or UserRole.Coder =>
                        e.VendorId == org && agreements.Any(a => a.PracticeId == e.PracticeId && a.VendorId == org && a.EffectiveOn <= today && (a.ExpiresOn is null || a.ExpiresOn >= today)),
                    UserRole.PracticeAdmin => e.PracticeId == org,
                    UserRole.Physician => physicians.Any(p => p.Id == e.PhysicianId && p.PracticeId == org && p.Npi.Value == principal.PhysicianNpi),
                    _ => grants.Any(g => g.AuditorOrganizationId == org && g.From <= Now && Now < g.To && g.PracticeId == e.PracticeId && g.EncounterIds.Contains(e.Id)),
                };
                Assert.Equal(rule, scope.Reaches(e));
                Assert.Equal(!rule, AccessPolicy.Refusal(principal, EncounterAction.Read, scope, e, null) == AccessRefusal.OutsideTenant);
            }
        }, count: 300);
}
