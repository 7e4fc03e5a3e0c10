using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// Audit events replayed without a database: an event about an audit that was never sampled, an
/// encounter outside the sample, a second coding, or an adjudication of a finding nobody rebutted
/// contradicts the state before it and is named by its sequence number; the state stays as it was.
/// </summary>
public sealed class ReplayedAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Audit = Guid.Parse("11111111-2222-3333-4444-555555555555");

    private static LedgerEntry Entry<T>(long sequence, string subject, T payload) where T : ILedgerEvent =>
        new(sequence, At.AddMinutes(sequence), "aud1", T.Type, subject, LedgerEvents.Serialize(payload), string.Empty, string.Empty);

    private static AuditCodingRecorded Coding(Guid encounter) => new(Guid.NewGuid(), Audit, encounter, "aud1", At, ["E119"],
        [new CodingSubmitted.Line("99213", [], 1, "100.00", [1])], null, "vendor-claim", 1, ["E119"], [new CodingSubmitted.Line("99214", [], 1, "100.00", [1])],
        [new AuditCodingRecorded.Price("99213", [], 2.85m), new AuditCodingRecorded.Price("99214", [], 4.06m)], 33.4009m);

    [Fact]
    public void Audit_events_without_their_engagement_or_against_its_rules_are_contradictions()
    {
        var state = new ReplayedState();
        state.Apply(Entry(1, "FM-NORTH", new OrganizationRegistered(Guid.NewGuid(), "Northside", OrganizationKind.Practice)));
        state.Apply(Entry(2, "EHR-1", Coding(Guid.NewGuid())));
        state.Apply(Entry(3, Audit.ToString(), new AuditFindingAdjudicated(Guid.NewGuid(), Audit, "F-0000000000000000", "reversed", "judge", At)));
        state.Apply(Entry(4, Audit.ToString(), new AuditFindingRebutted(Guid.NewGuid(), Audit, "F-0000000000000000", "demo-admin", "hmac-sha256:k:00", At)));

        Assert.Equal([2L, 3L, 4L], state.Contradictions.Select(c => c.Event));
        Assert.Contains("was never sampled", state.Contradictions[0].ToString(), StringComparison.Ordinal);
        Assert.Null(state.AuditReport(Audit));
        Assert.Empty(state.ToRows(StateTables.AuditCodings).Tables[StateTables.AuditCodings]);
    }

    [Fact]
    public void A_sample_of_encounters_no_event_received_is_a_contradiction()
    {
        var state = new ReplayedState();
        state.Apply(Entry(1, "FM-NORTH", new OrganizationRegistered(Guid.NewGuid(), "Northside", OrganizationKind.Practice)));
        state.Apply(Entry(2, "AUDIT-CO", new OrganizationRegistered(Guid.NewGuid(), "Audit Co", OrganizationKind.AuditFirm)));
        var sampled = new AuditSampled(Audit, "FM-NORTH", "AUDIT-CO", "independent", "judge", "seed", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 1, false,
            0.05m, 0.95m, "none", null, null, 0.95m, "AMA 2021", 1, 1, [new AuditSampled.Stratum("all", 1, 1)],
            [new AuditSampled.Member(1, Guid.NewGuid(), "EHR-1", "1234567893", "family-medicine", null, new DateOnly(2026, 10, 2), "all", 1)],
            [new AuditSampled.Factor(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "non-qualifying-APM", 33.4009m)], Guid.NewGuid(), At, At.AddDays(180), At);

        state.Apply(Entry(3, Audit.ToString(), sampled));

        Assert.Contains("which no event received", Assert.Single(state.Contradictions).ToString(), StringComparison.Ordinal);
        Assert.Empty(state.Audits);
    }
}
