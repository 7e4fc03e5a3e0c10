using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Tests.Workflow;

/// <summary>Who may read, code, query or override an encounter: one test per role and vendor.</summary>
public sealed class EncounterAccessTests
{
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Rival = Guid.NewGuid();
    private static readonly AccessPerson Assignee = new(Guid.NewGuid(), Acme, IsLead: false);
    private static readonly AccessPerson Colleague = new(Guid.NewGuid(), Acme, IsLead: false);
    private static readonly AccessPerson Lead = new(Guid.NewGuid(), Acme, IsLead: true);
    private static readonly AccessPerson RivalLead = new(Guid.NewGuid(), Rival, IsLead: true);

    public static TheoryData<EncounterAction> WorkOnTheEncounter => [EncounterAction.Read, EncounterAction.Code, EncounterAction.RaiseQuery];

    private static AccessRefusal? OnAssigned(EncounterAction action, AccessPerson? person) => EncounterAccess.Refusal(action, person, Assignee.CoderId, Acme);

    private static AccessRefusal? OnUncovered(EncounterAction action, AccessPerson? person) => EncounterAccess.Refusal(action, person, null, Acme);

    [Theory]
    [MemberData(nameof(WorkOnTheEncounter))]
    public void Assigned_coder_may_read_code_and_query(EncounterAction action) => Assert.Null(OnAssigned(action, Assignee));

    [Theory]
    [MemberData(nameof(WorkOnTheEncounter))]
    public void Lead_of_the_same_vendor_may_read_code_and_query(EncounterAction action) => Assert.Null(OnAssigned(action, Lead));

    [Theory]
    [MemberData(nameof(WorkOnTheEncounter))]
    public void Unassigned_coder_of_the_same_vendor_is_refused(EncounterAction action) => Assert.Equal(AccessRefusal.NotAssigned, OnAssigned(action, Colleague));

    [Theory]
    [MemberData(nameof(WorkOnTheEncounter))]
    public void Lead_of_another_vendor_is_refused(EncounterAction action) => Assert.Equal(AccessRefusal.AnotherVendor, OnAssigned(action, RivalLead));

    [Theory]
    [MemberData(nameof(WorkOnTheEncounter))]
    public void Someone_who_is_not_a_coder_is_refused(EncounterAction action) => Assert.Equal(AccessRefusal.NotACoder, OnAssigned(action, null));

    [Fact]
    public void Coder_named_on_the_work_but_employed_by_another_vendor_is_refused()
    {
        var moved = Assignee with { VendorId = Rival };

        Assert.Equal(AccessRefusal.AnotherVendor, OnAssigned(EncounterAction.Code, moved));
    }

    [Fact]
    public void Uncovered_encounter_may_be_coded_by_a_lead_of_its_vendor_only()
    {
        Assert.Null(OnUncovered(EncounterAction.Code, Lead));
        Assert.Equal(AccessRefusal.NotAssigned, OnUncovered(EncounterAction.Code, Colleague));
        Assert.Equal(AccessRefusal.AnotherVendor, OnUncovered(EncounterAction.Code, RivalLead));
    }

    [Fact]
    public void Only_a_lead_of_the_same_vendor_may_override_edit_errors()
    {
        Assert.Null(OnAssigned(EncounterAction.Override, Lead));
        Assert.Equal(AccessRefusal.NotALead, OnAssigned(EncounterAction.Override, Assignee));
        Assert.Equal(AccessRefusal.AnotherVendor, OnAssigned(EncounterAction.Override, RivalLead));
    }

    [Theory]
    [InlineData(EncounterAction.Read, AccessRefusal.AnotherVendor, "PHI-ACCESS-DENIED")]
    [InlineData(EncounterAction.Read, AccessRefusal.NotACoder, "PHI-ACCESS-DENIED")]
    [InlineData(EncounterAction.Code, AccessRefusal.AnotherVendor, "CODING-NOT-ASSIGNED")]
    [InlineData(EncounterAction.RaiseQuery, AccessRefusal.NotAssigned, "CODING-NOT-ASSIGNED")]
    [InlineData(EncounterAction.Code, AccessRefusal.NotACoder, "CODER-UNKNOWN")]
    [InlineData(EncounterAction.Override, AccessRefusal.NotALead, "CODING-OVERRIDE-NOT-LEAD")]
    public void Each_refusal_carries_the_code_its_action_has_always_carried(EncounterAction action, AccessRefusal refusal, string code) =>
        Assert.Equal(code, EncounterAccess.Refused(action, refusal, "mallory", "EHR-1").Code);
}
