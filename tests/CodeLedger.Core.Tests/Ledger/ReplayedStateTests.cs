using CodeLedger.Core.Assignment;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// Replay without a database: the state a ledger describes is a fold of its events, each event type
/// has its rule, and an event that cannot be applied (unknown type, unreadable payload, an
/// encounter or query that does not exist, a second finalization) is itself a named divergence.
/// </summary>
public sealed class ReplayedStateTests
{
    private static readonly Guid Practice = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Vendor = Guid.Parse("10000000-0000-0000-0000-000000000002");
    private static readonly Guid ContractId = Guid.Parse("10000000-0000-0000-0000-000000000003");
    private static readonly Guid A1 = Guid.Parse("20000000-0000-0000-0000-000000000001");
    private static readonly Guid A2 = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid Query1 = Guid.Parse("30000000-0000-0000-0000-000000000001");
    private static readonly Guid Query2 = Guid.Parse("30000000-0000-0000-0000-000000000002");

    // Monday 2 March 2026, 08:00 in Chicago.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static SlaContract Contract() =>
        new(ContractId, Practice, Vendor, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours, "America/Chicago",
            WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [new DateOnly(2026, 5, 25)], 95m, 72, true, false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);

    /// <summary>A keyed PHI hash as the ledger writes it (the hex is made up: the fold never computes hashes).</summary>
    private static string K(char c) => $"hmac-sha256:0badcafe:{new string(c, 64)}";

    /// <summary>As today's build writes it, with the note's and the demographics' keyed hashes; <paramref name="old"/>: as an earlier build did, a plain SHA-256 of the note only.</summary>
    private static EncounterReceived Received(Guid id, string external, DateTimeOffset at, bool old = false) =>
        new(id, "FM-NORTH", "ACME", external, "1234567893", DateOnly.FromDateTime(at.UtcDateTime), "11", "family-medicine", at,
            old ? new string('d', 64) : null, old ? null : K('d'), at, "jdoe", AssignmentBasis.Primary, old ? null : K('m'));

    private static CodingSubmitted Coded(Guid encounter, int version, WaitingFor? waiting = null) =>
        new(encounter, version, "jdoe", ["E119", "I10"], [new CodingSubmitted.Line("99213", [], 1, "120.00", [1, 2])], null, [], 0, 0, waiting);

    /// <summary>A ledger with every event type in the catalogue: A-1 queried, answered and finalized; A-2 corrected, queried, unresolved and finalized.</summary>
    private static readonly Guid UserId = Guid.Parse("00000000-0000-0000-0000-00000000a11c");

    private static readonly Guid VendorCodingId = Guid.Parse("10000000-0000-0000-0000-0000000000c1");

    private static List<(string Subject, object Event)> Life() =>
    [
        ("demo", new DemoStarted(1, 2, "2026-03")),
        ("FM-NORTH", new OrganizationRegistered(Practice, "Northside Family Medicine", OrganizationKind.Practice)),
        ("ACME", new OrganizationRegistered(Vendor, "Acme Coding Partners", OrganizationKind.CodingVendor)),
        ("FM-NORTH", new BaaSigned(Guid.Parse("10000000-0000-0000-0000-000000000004"), "FM-NORTH", "ACME", "Dr. Ana Ruiz", "Sam Lee", new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 1), null, new string('b', 64))),
        ("FM-NORTH", SignedWithoutTerms()),
        ("1234567893", new PhysicianEnrolled(Guid.Parse("10000000-0000-0000-0000-000000000005"), "FM-NORTH", "Dr. Maya Chen", "1234567893", "207Q00000X", "family-medicine")),
        ("jdoe", new CoderEnrolled(Guid.Parse("10000000-0000-0000-0000-000000000006"), "ACME", "Jane Doe", null, [new CoderEnrolled.Credential("CPC", new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1))], ["family-medicine"])),
        ("1234567893", new PhysicianUpdated(Guid.Parse("10000000-0000-0000-0000-000000000005"), "FM-NORTH", "Dr. Maya Chen", "1234567893", "207QA0505X", "family-medicine", true, ["taxonomy"])),
        ("jdoe", new CoderUpdated(Guid.Parse("10000000-0000-0000-0000-000000000006"), "ACME", "Jane Doe", false, true,
            [new CoderEnrolled.Credential("CPC", new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1)), new CoderEnrolled.Credential("CEMC", new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1))],
            ["family-medicine"], [new CoderUpdated.Absence(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3))], ["credentials", "absences"])),
        ("FM-NORTH", new BaaTerminated(Guid.Parse("10000000-0000-0000-0000-000000000004"), "FM-NORTH", "ACME", new DateOnly(2027, 12, 31))),
        ("credential-map", new CredentialMapSet(new string('c', 64), System.Text.Json.JsonSerializer.SerializeToElement(new { CPC = new[] { "family-medicine" } }))),
        ("icd10cm@2025-10-01", new CodeSetImported("icd10cm", new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), "icd10cm.txt", new string('e', 64), 70000)),
        ("jdoe", new TrainingRecorded("jdoe", "icd10cm@2025-10-01", new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 20), false, 0)),
        ("FM-NORTH", SlaContractTermsRecorded.Of(Contract())),
        ("NO-BAA", new IntakeRefused("NO-BAA", "ACME", "BAA-NOT-IN-FORCE", Monday)),
        ("A-1", Received(A1, "A-1", Monday)),
        ("A-2", Received(A2, "A-2", Monday, old: true)),
        ("A-2", new PhiHashesRecorded(A2, [new DocumentationHashRecord(1, K('1'))], K('n'), [])),
        ("A-1", new PatientCorrected(A1, ["birthDate"], K('p'))),
        ("A-1", new PhiRead(A1, "jdoe", ["patient", "note"], 1, null, K('d'))),
        ("A-1", new PhiReadRefused(A1, "mallory", "not-assigned")),
        ("A-1", new QueryRaised(Query1, A1, "1234567893", "diagnosis-specificity", "jdoe", null, K('q'), 0, Monday.AddHours(1), Monday.AddHours(73))),
        ("A-1", Coded(A1, 1, WaitingFor.OpenQuery)),
        ("A-1", new QueryAnswered(Query1, A1, null, K('a'), Monday.AddHours(3), Monday.AddHours(73))),
        ("A-1", Coded(A1, 2)),
        ("A-1", new EncounterFinalized(A1, 2, Monday.AddHours(4), Monday, false, null, null)),
        ("A-2", new DocumentationCorrected(A2, 2, null, K('f'), Monday.AddHours(2), true, Monday.AddHours(2), false)),
        ("A-2", new QueryRaised(Query2, A2, "1234567893", "laterality", "jdoe", new string('r', 64), null, 0, Monday.AddHours(3), Monday.AddHours(75))),
        ("A-2", Coded(A2, 1, WaitingFor.OpenQuery)),
        ("A-2", new QueryUnresolved(Query2, A2, Monday.AddHours(75))),
        ("A-2", new EncounterFinalized(A2, 1, Monday.AddHours(75), Monday.AddHours(2), true, null, null)),
        ("A-2", new VendorCodingImported(VendorCodingId, A2, 1, "FM-NORTH", "ACME", new string('7', 64), "000000101", "101", "0001", "A-2",
            ["E119"], [new CodingSubmitted.Line("99214", ["25"], 1, "150.00", [1])])),
        ("ZZ*SENDER>ZZ*RECEIVER", new X12ControlNumberReserved("ZZ", "SENDER", "ZZ", "RECEIVER", 1, false)),
        ("dr-chen", new UserAdded(UserId, "dr-chen", "FM-NORTH", "physician", "Dr. Maya Chen", null, "1234567893")),
        ("dr-chen", new UserUpdated(UserId, "dr-chen", "FM-NORTH", "physician", "Dr. Maya Chen-Ortiz", null, "1234567893")),
        ("dr-chen", new UserPasswordReset(UserId, "dr-chen")),
        ("dr-chen", new UserSecondFactorEnrolled(UserId, "dr-chen")),
        ("dr-chen", new TokenIssued(UserId, "dr-chen", "laptop", Monday.AddDays(30))),
        ("dr-chen", new TokenRevoked(UserId, "dr-chen")),
        ("dr-chen", new UserDisabled(UserId, "dr-chen")),
        ("A-1", new VendorCodingImported(Guid.Parse("30000000-0000-0000-0000-000000000001"), A1, 1, "FM-NORTH", "ACME", new string('9', 64), "000000101", "101", "0001", "A-1",
            ["E119"], [new CodingSubmitted.Line("99213", [], 1, "100.00", [1])])),
        ("AUDIT-CO", new OrganizationRegistered(Guid.Parse("10000000-0000-0000-0000-000000000009"), "Independent Audit Co", OrganizationKind.AuditFirm)),
        (AuditId.ToString(), new AuditSampled(AuditId, "FM-NORTH", "AUDIT-CO", "independent", "judge", "seed", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 1, false,
            0.05m, 0.95m, "none", null, null, 0.95m, "AMA 2021", 2, 2, [new AuditSampled.Stratum("all", 2, 1)],
            [new AuditSampled.Member(1, A1, "A-1", "1234567893", "family-medicine", null, new DateOnly(2026, 3, 2), "all", 1)],
            [new AuditSampled.Factor(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "non-qualifying-APM", 33.4009m)],
            Guid.Parse("30000000-0000-0000-0000-000000000002"), Monday, Monday.AddDays(180), Monday)),
        ("A-1", new AuditCodingRecorded(Guid.Parse("30000000-0000-0000-0000-000000000003"), AuditId, A1, "aud1", Monday, ["E119"], [new CodingSubmitted.Line("99213", [], 1, "100.00", [1])], null,
            "vendor-claim", 1, ["E119"], [new CodingSubmitted.Line("99214", [], 1, "100.00", [1])],
            [new AuditCodingRecorded.Price("99213", [], 2.85m), new AuditCodingRecorded.Price("99214", [], 4.06m)], 33.4009m)),
        (AuditId.ToString(), new AuditFindingRebutted(Guid.Parse("30000000-0000-0000-0000-000000000004"), AuditId, "F-0000000000000001", "demo-admin", K('r'), Monday)),
        (AuditId.ToString(), new AuditFindingAdjudicated(Guid.Parse("30000000-0000-0000-0000-000000000005"), AuditId, "F-0000000000000001", "upheld", "judge", Monday)),
        ("FM-NORTH", new ScorecardAnswered(ScorecardAnswerId, "FM-NORTH", "ACME", "reference", "Valley Heart|cardiology|2026-03-01", Monday)),
        ("FM-NORTH", new FeeScheduleImported(FeeScheduleId, Practice, new DateOnly(2026, 1, 1), "fees.csv", new string('f', 64),
            [new FeeScheduleImported.Fee("99213", null, "125.00"), new FeeScheduleImported.Fee("93000", "26", "20.00")])),
        ("FM-NORTH", new PayerRegistered(PayerId, "FM-NORTH", "BCBS-TX", "Blue Cross Blue Shield of Texas", "84980", "BL", "ZZ", "AVAILITY", "030240928")),
        ("FM-NORTH", new PayerUpdated(PayerId, "FM-NORTH", "BCBS-TX", "Blue Cross Blue Shield of Texas", "84980", "BL", "ZZ", "AVAILITY", "030240928", false, ["active"])),
        ("FM-NORTH", new BillingProfileSet("FM-NORTH", "1234567893", "741234567", "1200 Main Street", null, "Austin", "TX", "787011234", "NORTHFM01", "Northside FM", "Ana", "5125550100", false, [])),
        ("A-1", new CoverageRecorded(A1, 1, "BCBS-TX", K('c'), null)),
        ("A-1", new CoverageRecorded(A1, 2, "AETNA", K('e'), K('h'))),
        ("A-1", new ClaimBuilt(ClaimRowId, Practice, A1, "A-1-1", 1, 1, null, null, 2, "fix-queue", "AETNA", "60054", null,
            [new ClaimBuilt.Line(1, "99214", [], 1, [1], new DateOnly(2026, 3, 2), null, null)], [new ClaimBuilt.Finding("CLAIM-NO-FEE", "error", 1, "no fee for 99214")])),
        ("A-1", new ClaimRebuilt(ClaimRowId, "A-1-1", 2, "ready", "AETNA", "60054", "180.00",
            [new ClaimBuilt.Line(1, "99214", [], 1, [1], new DateOnly(2026, 3, 2), "180.00", "180.00")], [])),
        ("FM-NORTH", new ClaimsSubmitted(Practice, "837P-AETNA-000000001.x12", new string('5', 64), "ZZ", "CLEARHOUSE01", 1, 1, 1, Monday.AddDays(1), ["A-1-1"])),
        ("FM-NORTH", new AcknowledgmentImported(AcknowledgmentId, Practice, "277CA", "acme.277", new string('a', 64), "PAYER01", Monday,
            [new AcknowledgmentImported.Claim("FMN-2-1", false, "rejected", true, null, [new AcknowledgmentImported.Finding("ACK-277CA-REJECTED", null, "STC A7:562:85 rejected")]),
             new AcknowledgmentImported.Claim("FMN-1-1", true, "accepted", true, "PCCN1", [])], ["277CA for claim 'X-1': no such claim went out"])),
        ("FM-NORTH", Remittance(PaymentId, "EFT1", Posted(PostingId, null, 145m))),
        ("FM-NORTH", new RemittanceMatched(UnmatchedId, PaymentId, Practice, Monday, Posted(Guid.Parse("50000000-0000-0000-0000-000000000009"), null, 90m) with { MatchedByHand = true },
            [new RemittancePosted.Denial(DenialItemId, Guid.Parse("50000000-0000-0000-0000-000000000009"), "A-1-1", "BillingFrontEnd", 160m, "Billing", null)])),
        ("FM-NORTH", new DenialStepped(Guid.Parse("50000000-0000-0000-0000-00000000000d"), DenialItemId, Practice, "appeal", "Open", "Appealed", Monday.AddDays(2), "A-1-1", null, K('n'), null)),
        ("demo", new DemoFinished(1, 2, "2026-03")),
    ];

    private static readonly Guid PayerId = Guid.Parse("40000000-0000-0000-0000-00000000b001");

    private static readonly Guid DenialItemId = Guid.Parse("50000000-0000-0000-0000-00000000000c");

    [Fact]
    public void A_denial_step_moves_its_replayed_item_and_a_step_of_no_item_from_the_wrong_state_or_not_allowed_contradicts()
    {
        var rows = Replay(Life()).ToRows();
        var item = rows.Tables[StateTables.DenialWorkItems][StateRows.Text(DenialItemId)];
        Assert.Equal(("Appealed", "appeal", StateRows.Text(Monday.AddDays(2))), (item.Get("state"), item.Get("last_step"), item.Get("updated_at")));
        Assert.Equal(K('n'), Assert.Single(rows.Tables[StateTables.DenialWorkSteps].Values).Get("note_hash"));

        foreach (var wrong in new[]
                 {
                     new DenialStepped(Guid.NewGuid(), Guid.NewGuid(), Practice, "appeal", "Open", "Appealed", Monday.AddDays(3), "A-1-1", null, null, null),
                     new DenialStepped(Guid.NewGuid(), DenialItemId, Practice, "write-off", "Open", "WrittenOff", Monday.AddDays(3), "A-1-1", null, null, null),
                     new DenialStepped(Guid.NewGuid(), DenialItemId, Practice, "corrected", "Appealed", "Resubmitted", Monday.AddDays(3), "A-1-1", null, null, null),
                     new DenialStepped(Guid.NewGuid(), DenialItemId, Practice, "appeal", "Appealed", "Resolved", Monday.AddDays(3), "A-1-1", null, null, null),
                 })
        {
            var state = Replay([.. Life().Where(e => e.Event is not DemoFinished), ("FM-NORTH", wrong)]);
            Assert.Single(state.Contradictions);
        }
    }

    [Fact]
    public void Payers_profiles_and_coverage_versions_replay_onto_their_rows_and_out_of_order_ones_contradict()
    {
        List<(string, object)> wrong =
        [
            ("FM-NORTH", new PayerRegistered(Guid.NewGuid(), "FM-NORTH", "BCBS-TX", "Again", "1", "CI", "ZZ", "X", "X")),
            ("FM-NORTH", new PayerUpdated(Guid.NewGuid(), "FM-NORTH", "GHOST", "Ghost", "1", "CI", "ZZ", "X", "X", true, ["name"])),
            ("NO-SUCH", new BillingProfileSet("NO-SUCH", "1234567893", "741234567", "1 Main", null, "Austin", "TX", "787011234", "E", "N", "C", "5125550100", false, [])),
            ("A-1", new CoverageRecorded(A1, 4, "AETNA", K('x'), null)),
            ("A-1", new CoverageRecorded(A1, 2, "AETNA", K('x'), null)),
        ];

        var state = Replay([.. Life(), .. wrong]);
        var rows = state.ToRows();

        var payer = rows.Tables[StateTables.Payers][StateRows.Text(PayerId)];
        Assert.Equal(("BCBS-TX", "ZZ/AVAILITY/030240928", "false"), (payer.Get("code"), payer.Get("receiver"), payer.Get("active")));
        Assert.Equal("1200 Main Street||Austin|TX|787011234", rows.Tables[StateTables.BillingProfiles][StateRows.Text(Practice)].Get("address"));
        var second = rows.Tables[StateTables.EncounterCoverages][StateTables.VersionKey(A1, 2)];
        Assert.Equal(("AETNA", K('e'), K('h')), (second.Get("payer_code"), second.Get("policy_hash"), second.Get("address_hash")));
        Assert.Equal(2, rows.Tables[StateTables.EncounterCoverages].Count);
        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith("payer BCBS-TX of FM-NORTH was already registered", m, StringComparison.Ordinal),
            m => Assert.EndsWith("payer GHOST was never registered at FM-NORTH", m, StringComparison.Ordinal),
            m => Assert.EndsWith("organization NO-SUCH was never registered", m, StringComparison.Ordinal),
            m => Assert.EndsWith("coverage version 4 of encounter A-1 does not follow the versions recorded before it", m, StringComparison.Ordinal),
            m => Assert.EndsWith("coverage version 2 of encounter A-1 does not follow the versions recorded before it", m, StringComparison.Ordinal));
    }

    private static readonly Guid AuditId = Guid.Parse("30000000-0000-0000-0000-000000000000");

    private static readonly Guid ScorecardAnswerId = Guid.Parse("40000000-0000-0000-0000-000000000001");
    private static readonly Guid FeeScheduleId = Guid.Parse("40000000-0000-0000-0000-00000000f001");
    private static readonly Guid ClaimRowId = Guid.Parse("40000000-0000-0000-0000-00000000c001");

    [Fact]
    public void A_claim_replays_built_rebuilt_and_submitted_and_a_claim_built_twice_rebuilt_after_leaving_or_sent_unbuilt_contradicts()
    {
        var twice = ("A-1", (object)new ClaimBuilt(Guid.NewGuid(), Practice, A1, "A-1-1", 1, 1, null, null, 2, "ready", "AETNA", "60054", "180.00", [], []));
        var rebuiltAfterLeaving = ("A-1", (object)new ClaimRebuilt(ClaimRowId, "A-1-1", 2, "ready", "AETNA", "60054", "190.00", [], []));
        var unbuilt = ("FM-NORTH", (object)new ClaimsSubmitted(Practice, "837P-AETNA-000000002.x12", new string('6', 64), "ZZ", "CLEARHOUSE01", 2, 2, 2, Monday.AddDays(2), ["A-9-1"]));

        var state = Replay([.. Life(), twice, rebuiltAfterLeaving, unbuilt]);

        var row = state.ToRows().Tables[StateTables.Claims][StateRows.Text(ClaimRowId)];
        Assert.Equal(("FM-NORTH", "A-1", "submitted", "180.00", "1#1:99214[]x1->1@2026-03-02 fee=180.00 charge=180.00", "", "837P-AETNA-000000001.x12", "1"),
            (row.Get("practice"), row.Get("encounter"), row.Get("status"), row.Get("total_charge"), row.Get("lines"), row.Get("findings"), row.Get("file_name"), row.Get("interchange")));
        Assert.Single(state.ToRows().Tables[StateTables.Claims]);
        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith("practice FM-NORTH already has claim A-1-1", m, StringComparison.Ordinal),
            m => Assert.EndsWith("claim A-1-1 was submitted: only a claim that has not left is rebuilt", m, StringComparison.Ordinal),
            m => Assert.EndsWith("837P-AETNA-000000002.x12 names claim A-9-1, which practice FM-NORTH never built", m, StringComparison.Ordinal));
    }

    private static readonly Guid AcknowledgmentId = Guid.Parse("40000000-0000-0000-0000-00000000a001");

    [Fact]
    public void A_resend_follows_only_a_rejected_claim_and_a_lines_control_number_replays_onto_its_row()
    {
        // A-1-1 went out and was never rejected in Life(): an original naming it is no resend of a rejected claim.
        var resendOfPaid = ("A-1", (object)new ClaimBuilt(Guid.NewGuid(), Practice, A1, "A-1-2", 2, 1, "A-1-1", null, 2, "ready", "AETNA", "60054", "180.00", [], []));
        var resendOfNothing = ("A-1", (object)new ClaimBuilt(Guid.NewGuid(), Practice, A1, "A-1-3", 3, 1, "A-1-9", null, 2, "ready", "AETNA", "60054", "180.00", [], []));
        var replacement = Guid.NewGuid();
        var withControl = ("A-1", (object)new ClaimBuilt(replacement, Practice, A1, "A-1-4", 4, 7, "A-1-1", "PCCN1", 2, "ready", "AETNA", "60054", "180.00",
            [new ClaimBuilt.Line(1, "99214", [], 1, [1], new DateOnly(2026, 3, 2), "180.00", "180.00", "A-1-4-1")], []));

        var state = Replay([.. Life(), resendOfPaid, resendOfNothing, withControl]);

        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith("claim A-1-2 resends claim A-1-1, which was submitted, not rejected", m, StringComparison.Ordinal),
            m => Assert.EndsWith("claim A-1-3 resends claim A-1-9, which practice FM-NORTH never built", m, StringComparison.Ordinal));
        Assert.StartsWith("1#A-1-4-1:99214", state.ToRows().Tables[StateTables.Claims][StateRows.Text(replacement)].Get("lines"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledgment_replays_onto_its_row_and_its_claims_and_the_same_file_twice_contradicts_it()
    {
        var again = ("FM-NORTH", (object)new AcknowledgmentImported(Guid.NewGuid(), Practice, "277CA", "copy.277", new string('a', 64), "PAYER01", Monday, [], []));

        var state = Replay([.. Life(), again]);

        var row = state.ToRows().Tables[StateTables.Acknowledgments][StateRows.Text(AcknowledgmentId)];
        Assert.Equal(("FM-NORTH", "277CA", "FMN-1-1 accepted FMN-2-1 rejected", "1"), (row.Get("practice"), row.Get("kind"), row.Get("claims"), row.Get("unmatched")));
        Assert.Equal(("accepted", "PCCN1"), (state.AcknowledgedClaim(Practice, "FMN-1-1")!.Status, state.AcknowledgedClaim(Practice, "FMN-1-1")!.PayerClaimControlNumber));
        Assert.Equal("ACK-277CA-REJECTED", Assert.Single(state.AcknowledgedClaim(Practice, "FMN-2-1")!.Findings).Code);
        Assert.EndsWith($"already imported the acknowledgment file with sha256 {new string('a', 64)}", Assert.Single(state.Contradictions).Message, StringComparison.Ordinal);
    }

    private static readonly Guid PaymentId = Guid.Parse("50000000-0000-0000-0000-000000000001");
    private static readonly Guid PostingId = Guid.Parse("50000000-0000-0000-0000-000000000002");
    private static readonly Guid UnmatchedId = Guid.Parse("50000000-0000-0000-0000-000000000003");
    private static readonly Guid RemitClaimRowId = Guid.Parse("50000000-0000-0000-0000-000000000004");

    private static RemittancePosted.Posting Posted(Guid id, Guid? reverses, decimal paid) =>
        new(id, RemitClaimRowId, "A-1-1", 1, reverses is null ? "1" : "22", reverses is null ? 250m : -250m, paid, null, "PCCN1", reverses, false,
            [], [new RemittancePosted.Line(1, 1, "99213", [], 250m, paid, [new RemittancePosted.Cas("CO", "45", 250m - paid, [])], [])], "paid",
            new RemittancePosted.ClaimFacts("PAYER01", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), 250m, 1, true));

    private static RemittancePosted Remittance(Guid id, string trace, params RemittancePosted.Posting[] postings) =>
        new(id, Practice, "1512345678", trace, postings.Sum(p => p.Paid), new DateOnly(2026, 3, 20), "era.835", new string('a', 64), "0001", false, Monday, postings,
            [new RemittancePosted.ProviderAdjustment(id == PaymentId ? Guid.Parse("50000000-0000-0000-0000-000000000005") : Guid.NewGuid(), 1, "1234567893", new DateOnly(2026, 12, 31), "WO", "PCCN1", 0m, "A-1-1")],
            id == PaymentId ? [new RemittancePosted.UnmatchedPayment(UnmatchedId, 2, "ACCT-9", null, "1", 90m, 90m, null, [], [])] : [], []);

    [Fact]
    public void A_remittance_replays_onto_its_tables_and_a_second_post_of_the_key_a_reversal_of_nothing_or_a_match_of_no_item_contradicts()
    {
        var again = ("FM-NORTH", (object)Remittance(Guid.NewGuid(), "EFT1", Posted(Guid.NewGuid(), null, 145m)));
        var reversal = ("FM-NORTH", (object)Remittance(Guid.NewGuid(), "EFT2", Posted(Guid.NewGuid(), Guid.NewGuid(), -145m)));
        var match = ("FM-NORTH", (object)new RemittanceMatched(UnmatchedId, PaymentId, Practice, Monday, Posted(Guid.NewGuid(), null, 90m), []));

        var state = Replay([.. Life(), again, reversal, match]);

        var rows = state.ToRows();
        Assert.Equal(("1512345678", "EFT1", "145", "test"), (rows.Tables[StateTables.RemittancePayments][StateRows.Text(PaymentId)] is var p ? (p.Get("payer_id"), p.Get("trace_number"), p.Get("total_payment"), p.Get("posted_by")) : default));
        Assert.Equal("1>1=99213[]250/145{CO-45:105}", rows.Tables[StateTables.ClaimPostings][StateRows.Text(PostingId)].Get("lines"));
        Assert.Equal(2, rows.Tables[StateTables.ClaimPostings].Count);
        Assert.Empty(rows.Tables[StateTables.UnmatchedClaimPayments]);
        Assert.Equal("paid", state.ClaimStatusesFromRemittances[RemitClaimRowId]);
        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith("payment 1512345678/EFT1 of practice FM-NORTH was already posted; a payment posts once", m, StringComparison.Ordinal),
            m => Assert.Contains("reversal undoes posting", m, StringComparison.Ordinal),
            m => Assert.Contains($"unmatched claim payment {UnmatchedId:D} is not in the queue", m, StringComparison.Ordinal));
    }

    [Fact]
    public void A_fee_schedule_replays_as_its_version_with_every_fee_and_a_second_version_for_the_same_day_contradicts_it()
    {
        var second = ("FM-NORTH", (object)new FeeScheduleImported(Guid.Parse("40000000-0000-0000-0000-00000000f002"), Practice, new DateOnly(2026, 1, 1), "other.csv", new string('e', 64),
            [new FeeScheduleImported.Fee("99213", null, "130.00")]));

        var state = Replay([.. Life(), second]);

        var row = state.ToRows().Tables[StateTables.FeeSchedules][StateRows.Text(FeeScheduleId)];
        Assert.Equal(("FM-NORTH", "2026-01-01", "93000-26=20.00 99213=125.00"), (row.Get("practice"), row.Get("effective_on"), row.Get("fees")));
        Assert.Single(state.ToRows().Tables[StateTables.FeeSchedules]);
        Assert.EndsWith("practice FM-NORTH already has a fee schedule effective 2026-01-01", Assert.Single(state.Contradictions).Message, StringComparison.Ordinal);
    }

    /// <summary>The contract as an earlier build ledgered it: without the terms after the fee.</summary>
    private static SlaContractSigned SignedWithoutTerms()
    {
        var full = SlaContractSigned.Of(Contract(), "FM-NORTH", "ACME");
        return new SlaContractSigned(full.Id, full.Practice, full.Vendor, full.EffectiveOn, full.TurnaroundTargetHours, full.Clock, full.TimeZoneId,
            full.AccuracyFloorPercent, full.QueryResponseWindowHours, full.OpenQueryPausesClock, full.MonthlyFee);
    }

    private static ReplayedState Replay(IEnumerable<(string Subject, object Event)> events) =>
        ReplayedState.Of(events.Select((e, i) => Entry(i + 1, e.Subject, e.Event)));

    private static LedgerEntry Entry(long sequence, string subject, object e) =>
        new(sequence, Monday, "test", (string)e.GetType().GetProperty("Type")!.GetValue(null)!, subject, LedgerEvents.Write((ILedgerEvent)e), LedgerHash.Genesis, LedgerHash.Genesis);

    private static LedgerEntry Raw(long sequence, string type, string subject, string payload) => new(sequence, Monday, "test", type, subject, payload, LedgerHash.Genesis, LedgerHash.Genesis);

    [Fact]
    public void The_monthly_input_is_rebuilt_from_the_events_physicians_final_codings_paused_turnaround_queries_training_releases_and_the_audit()
    {
        // The life's rebuttal names a made-up finding; the audit's report is AuditBook's, tested with its own.
        var state = Replay(Life().Where(e => e.Event is not AuditFindingRebutted and not AuditFindingAdjudicated));

        var month = ReplayedMonth.Input(state, "FM-NORTH", null, "2026-03", CodeLedger.Core.CodeSets.CodeSetLibrary.Empty);
        var input = month.Input;

        Assert.Equal(("ACME", "Northside Family Medicine", "Acme Coding Partners"), (input.Vendor, month.PracticeName, month.VendorName));
        Assert.Equal(ContractId, input.Contract!.Id);
        Assert.Equal("America/Chicago", input.TimeZoneId);

        // A-1 was finalized with coding version 2 (99213, E11.9 and I10) by jdoe; the query open 1 h to 3 h pauses its 4 business hours to 2.
        var a1 = Assert.Single(input.Encounters, e => e.EncounterId == A1);
        Assert.Equal(("99213", "E119 I10", "99213"), (a1.EmCode, string.Join(" ", a1.Diagnoses), string.Join(" ", a1.Procedures)));
        Assert.Equal(Guid.Parse("10000000-0000-0000-0000-000000000006"), a1.CoderId);
        Assert.Equal(("Dr. Maya Chen", "family-medicine", "1234567893"), (a1.Physician.Name, a1.Physician.Specialty?.Value, a1.Physician.Npi.Value));
        Assert.Equal(TimeSpan.FromHours(2), a1.Turnaround!.Elapsed);
        Assert.Equal(new DateOnly(2026, 3, 2), a1.FinalizedOn);
        Assert.Equal(2, input.Encounters.Count);

        Assert.Collection(input.Queries,
            q => Assert.Equal((Query1, QueryCategory.DiagnosisSpecificity, QueryStatus.Answered, (DateTimeOffset?)Monday.AddHours(3)), (q.QueryId, q.Category, q.Status, q.ClosedAt)),
            q => Assert.Equal((Query2, QueryCategory.Laterality, QueryStatus.Unresolved, (DateTimeOffset?)Monday.AddHours(75)), (q.QueryId, q.Category, q.Status, q.ClosedAt)));

        var training = Assert.Single(input.Training);
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 20), false), (training.ReleaseEffectiveOn, training.CompletedOn, training.IsLate));
        Assert.Equal(("all", 2), (Assert.Single(input.Audit!.Strata).Name, input.Audit.RequiredSize));

        // The ledger names the release by SHA-256; its entries must come from its file, and a release whose file is not at hand is named.
        var (library, missing) = ReplayedMonth.CodeSets(state, _ => null);
        Assert.Empty(library.Infos);
        Assert.Equal(new string('e', 64), Assert.Single(missing).Sha256);

        Assert.Equal(2, CodeLedger.Core.Reports.MonthlyReport.Build(input).Encounters);
    }

    [Fact]
    public void A_monthly_input_is_not_rebuilt_for_a_practice_the_ledger_never_registered_or_an_encounter_of_a_physician_it_never_enrolled()
    {
        Assert.Equal(OrganizationErrors.Unknown, Assert.Throws<DomainException>(() => ReplayedMonth.Input(Replay(Life()), "NOBODY", null, "2026-03", CodeLedger.Core.CodeSets.CodeSetLibrary.Empty)).Error);

        var life = Life().Where(e => e.Event is not PhysicianEnrolled and not PhysicianUpdated).ToList();
        var error = Assert.Throws<DomainException>(() => ReplayedMonth.Input(Replay(life), "FM-NORTH", null, "2026-03", CodeLedger.Core.CodeSets.CodeSetLibrary.Empty));
        Assert.Equal(LedgerErrors.ReplayIncomplete, error.Error);
        Assert.Contains("physician 1234567893, whom it never enrolled at practice FM-NORTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_changes_replay_onto_the_rows_they_change_and_deactivation_keeps_the_row()
    {
        var physician = Guid.Parse("10000000-0000-0000-0000-000000000005");
        var life = Life();
        life.Add(("1234567893", new PhysicianUpdated(physician, "FM-NORTH", "Dr. Maya Chen", "1234567893", "207QA0505X", "family-medicine", false, ["active"])));
        life.Add(("jdoe", new CoderUpdated(Guid.Parse("10000000-0000-0000-0000-000000000006"), "ACME", "Jane Doe", true, false, [], ["family-medicine"], [], ["lead", "active", "credentials"])));

        var state = Replay(life);
        var rows = state.ToRows();

        Assert.Empty(state.Contradictions);
        var doctor = rows.Tables[StateTables.Physicians][StateRows.Text(physician)];
        Assert.Equal(("207QA0505X", "false"), (doctor.Get("taxonomy"), doctor.Get("active")));
        var coder = rows.Tables[StateTables.Coders]["jdoe"];
        Assert.Equal(("true", "false", string.Empty), (coder.Get("is_lead"), coder.Get("active"), coder.Get("credentials")));
        Assert.Equal("2027-12-31", rows.Tables[StateTables.Agreements][StateRows.Text(Guid.Parse("10000000-0000-0000-0000-000000000004"))].Get("terminated_on"));
    }

    [Fact]
    public void Setup_changes_to_records_never_enrolled_or_signed_or_a_second_termination_are_contradictions()
    {
        var life = Life();
        life.Add(("1000000012", new PhysicianUpdated(Guid.NewGuid(), "FM-NORTH", "Dr. Nobody", "1000000012", "207Q00000X", "family-medicine", false, ["active"])));
        life.Add(("1234567893", new PhysicianUpdated(Guid.Parse("10000000-0000-0000-0000-000000000005"), "ACME", "Dr. Maya Chen", "1234567893", "207Q00000X", "family-medicine", true, ["name"])));
        life.Add(("ghost", new CoderUpdated(Guid.NewGuid(), "ACME", "Ghost", false, false, [], [], [], ["active"])));
        life.Add(("FM-NORTH", new BaaTerminated(Guid.NewGuid(), "FM-NORTH", "ACME", new DateOnly(2027, 1, 1))));
        life.Add(("FM-NORTH", new BaaTerminated(Guid.Parse("10000000-0000-0000-0000-000000000004"), "FM-NORTH", "ACME", new DateOnly(2027, 1, 1))));

        var state = Replay(life);

        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith("physician 1000000012 was never enrolled at FM-NORTH", m, StringComparison.Ordinal),
            m => Assert.EndsWith("physician 1234567893 was never enrolled at ACME", m, StringComparison.Ordinal),
            m => Assert.EndsWith("coder ghost was never enrolled at ACME", m, StringComparison.Ordinal),
            m => Assert.EndsWith("was never signed", m, StringComparison.Ordinal),
            m => Assert.EndsWith("10000000-0000-0000-0000-000000000004 was already terminated", m, StringComparison.Ordinal));
    }

    [Fact]
    public void A_scorecard_answer_replays_onto_its_row_and_one_recorded_twice_or_about_an_unknown_vendor_is_a_contradiction()
    {
        var life = Life();
        life.Add(("FM-NORTH", new ScorecardAnswered(ScorecardAnswerId, "FM-NORTH", "ACME", "audit-right", "no|", Monday)));
        life.Add(("FM-NORTH", new ScorecardAnswered(Guid.NewGuid(), "FM-NORTH", "NO-SUCH-VENDOR", "audit-right", "no|", Monday)));

        var state = Replay(life);

        var row = state.ToRows().Tables[StateTables.ScorecardAnswers][StateRows.Text(ScorecardAnswerId)];
        Assert.Equal(("FM-NORTH", "ACME", "reference", "Valley Heart|cardiology|2026-03-01", "test"),
            (row.Get("practice"), row.Get("vendor"), row.Get("kind"), row.Get("value"), row.Get("recorded_by")));
        Assert.Collection(state.Contradictions.Select(c => c.Message),
            m => Assert.EndsWith($"scorecard answer {ScorecardAnswerId:D} was already recorded", m, StringComparison.Ordinal),
            m => Assert.EndsWith("organization NO-SUCH-VENDOR was never registered", m, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_catalogued_event_type_is_either_record_only_or_has_its_rule_exercised_here()
    {
        var exercised = Life().Select(e => (string)e.Event.GetType().GetProperty("Type")!.GetValue(null)!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(LedgerEvents.Types.Keys.Order(StringComparer.Ordinal), exercised.Order(StringComparer.Ordinal));
        Assert.Subset(exercised, new HashSet<string>(ReplayedState.RecordOnly));
    }

    [Fact]
    public void A_life_of_every_event_type_replays_without_contradiction_to_the_state_it_describes()
    {
        var state = Replay(Life());
        var rows = state.ToRows();

        Assert.Empty(state.Contradictions);
        var a1 = rows.Tables[StateTables.WorkItems][StateRows.Text(A1)];
        Assert.Equal(("Finalized", StateRows.Text(Monday.AddHours(4)), "2", "false"),
            (a1.Get("status"), a1.Get("finalized_at"), a1.Get("final_coding_version"), a1.Get("coded_without_query_response")));
        var a2 = rows.Tables[StateTables.WorkItems][StateRows.Text(A2)];
        Assert.Equal(("2", StateRows.Text(Monday.AddHours(2)), "true"), (a2.Get("documentation_version"), a2.Get("clock_start"), a2.Get("coded_without_query_response")));
        Assert.Equal((K('f'), K('n')), (rows.Tables[StateTables.Encounters][StateRows.Text(A2)].Get("documentation_hash"), rows.Tables[StateTables.Encounters][StateRows.Text(A2)].Get("demographics_hash")));
        Assert.Equal((K('d'), K('p')), (rows.Tables[StateTables.Encounters][StateRows.Text(A1)].Get("documentation_hash"), rows.Tables[StateTables.Encounters][StateRows.Text(A1)].Get("demographics_hash")));
        Assert.Equal(K('1'), rows.Tables[StateTables.DocumentationVersions][StateTables.VersionKey(A2, 1)].Get("hash"));
        var q1 = rows.Tables[StateTables.Queries][StateRows.Text(Query1)];
        Assert.Equal(("Answered", K('q'), K('a'), StateRows.Text(Monday.AddHours(3))), (q1.Get("status"), q1.Get("question_hash"), q1.Get("answer_hash"), q1.Get("closed_at")));
        var q2 = rows.Tables[StateTables.Queries][StateRows.Text(Query2)];
        Assert.Equal(("Unresolved", StateRow.NotRecorded, null, StateRows.Text(Monday.AddHours(75))), (q2.Get("status"), q2.Get("question_hash"), q2.Get("answer_hash"), q2.Get("closed_at")));
        Assert.Equal("E119 I10", rows.Tables[StateTables.CodingResults][StateTables.VersionKey(A1, 2)].Get("diagnoses"));
        Assert.Equal("48", rows.Tables[StateTables.Contracts][StateRows.Text(ContractId)].Get("turnaround_target_hours"));
        Assert.Single(rows.Tables[StateTables.CodeSetReleases]);
        Assert.Single(rows.Tables[StateTables.Training]);
        var vendorCoding = rows.Tables[StateTables.VendorClaimCodings][StateRows.Text(VendorCodingId)];
        Assert.Equal(("A-2", "ACME", "1", "E119", "99214[25]x1@150.00->1"),
            (vendorCoding.Get("encounter"), vendorCoding.Get("vendor"), vendorCoding.Get("version"), vendorCoding.Get("diagnoses"), vendorCoding.Get("service_lines")));
    }

    [Fact]
    public void What_older_events_hashed_without_a_key_and_no_backfill_recorded_is_listed_as_missing_and_left_unchecked()
    {
        var missing = Assert.Single(Replay(Life()).MissingPhiHashes());

        // A-2's first note and demographics were backfilled; its query's question was only plain-hashed and never was.
        Assert.Equal((A2, "A-2", 0, false), (missing.Encounter, missing.ExternalId, missing.Versions.Count, missing.Demographics));
        Assert.Equal([new MissingQueryHashes(Query2, Question: true, Answer: false)], missing.Queries);
    }

    [Fact]
    public void A_backfill_of_a_hash_the_ledger_already_holds_is_a_contradiction_and_changes_nothing()
    {
        var events = Life();
        events.Add(("A-1", new PhiHashesRecorded(A1, [new DocumentationHashRecord(1, K('x'))], null, [])));
        events.Add(("A-1", new PhiHashesRecorded(A1, [], K('y'), [])));
        events.Add(("A-1", new PhiHashesRecorded(A1, [], null, [new QueryHashRecord(Query2, K('z'), null)])));

        var state = Replay(events);

        Assert.Equal(3, state.Contradictions.Count);
        Assert.Contains("documentation version 1 of encounter A-1 already has its keyed hash", state.Contradictions[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("the demographics of encounter A-1 already have their keyed hash", state.Contradictions[1].ToString(), StringComparison.Ordinal);
        Assert.Contains($"query {Query2} was never raised on encounter A-1", state.Contradictions[2].ToString(), StringComparison.Ordinal);
        var a1 = state.ToRows().Tables[StateTables.Encounters][StateRows.Text(A1)];
        Assert.Equal((K('d'), K('p')), (a1.Get("documentation_hash"), a1.Get("demographics_hash")));
    }

    [Fact]
    public void Comparing_stored_rows_as_they_stream_in_finds_exactly_what_comparing_both_sides_whole_finds()
    {
        // Edits of the stored side (kind: 0 change a column, 1 delete a row, 2 add a row), on any table,
        // and the stored rows of each table read in any order.
        var edit = from kind in Gen.Choose(0, 2) from table in Gen.Choose(0, StateTables.All.Count - 1) from row in Gen.Choose(0, 1_000) select (kind, table, row);
        var cases = from count in Gen.Choose(0, 6) from edits in Gen.ListOf(edit, count) from order in Gen.Choose(0, int.MaxValue) select (edits, order);
        var ledger = Replay(Life());

        Properties.ForAll(cases, c =>
        {
            var stored = Replay(Life()).ToRows();
            foreach (var (kind, t, i) in c.edits)
            {
                var rows = stored.Tables[StateTables.All[t]];
                var keys = rows.Keys.Order(StringComparer.Ordinal).ToList();
                switch (kind)
                {
                    case 0 when keys.Count > 0:
                        var changed = rows[keys[i % keys.Count]];
                        changed.Set(changed.Columns[i % changed.Columns.Count].Key, $"edited-{i}");
                        break;
                    case 1 when keys.Count > 0:
                        rows.Remove(keys[i % keys.Count]);
                        break;
                    case 2:
                        stored.Add(StateTables.All[t], $"extra-{i}", $"extra row {i}", 0).Set("x", "y");
                        break;
                }
            }

            // Some tables are not read at all: they compare as empty tables.
            var shuffle = new Random(c.order);
            var skipped = StateTables.All.Where(_ => shuffle.Next(4) == 0).ToHashSet(StringComparer.Ordinal);
            var read = new StateRows();
            var streaming = new StreamingStateComparison(ledger.ToRows);
            foreach (var table in StateTables.All)
            {
                read.Declare(table);
                if (skipped.Contains(table))
                {
                    continue;
                }

                foreach (var (key, row) in stored.Tables[table].OrderBy(_ => shuffle.Next()))
                {
                    var copy = streaming.Add(table, key, row.Label, row.Event);
                    var whole = read.Add(table, key, row.Label, row.Event);
                    foreach (var (column, value) in row.Columns)
                    {
                        copy.Set(column, value);
                        whole.Set(column, value);
                    }
                }
            }

            Assert.Equal(StateComparison.Compare(ledger.ToRows(), read).Select(d => d.ToString()), streaming.Finish().Select(d => d.ToString()));
        }, count: 300);
    }

    [Fact]
    public void Comparing_stored_rows_against_replayed_rows_built_on_demand_finds_exactly_what_comparing_both_sides_whole_finds()
    {
        // As above, and one more edit (kind 3): a row's key written in upper case, which is not the
        // key's one text form, so it is a row only in the database and the ledger's row is missing.
        var edit = from kind in Gen.Choose(0, 3) from table in Gen.Choose(0, StateTables.All.Count - 1) from row in Gen.Choose(0, 1_000) select (kind, table, row);
        var cases = from count in Gen.Choose(0, 6) from edits in Gen.ListOf(edit, count) from order in Gen.Choose(0, int.MaxValue) select (edits, order);
        var ledger = Replay(Life());

        Properties.ForAll(cases, c =>
        {
            var stored = Replay(Life()).ToRows();
            foreach (var (kind, t, i) in c.edits)
            {
                var rows = stored.Tables[StateTables.All[t]];
                var keys = rows.Keys.Order(StringComparer.Ordinal).ToList();
                switch (kind)
                {
                    case 0 when keys.Count > 0:
                        var changed = rows[keys[i % keys.Count]];
                        changed.Set(changed.Columns[i % changed.Columns.Count].Key, $"edited-{i}");
                        break;
                    case 1 when keys.Count > 0:
                        rows.Remove(keys[i % keys.Count]);
                        break;
                    case 2:
                        stored.Add(StateTables.All[t], $"extra-{i}", $"extra row {i}", 0).Set("x", "y");
                        break;
                    case 3 when keys.Count > 0 && keys[i % keys.Count].ToUpperInvariant() != keys[i % keys.Count]:
                        rows.Remove(keys[i % keys.Count], out var moved);
                        stored.Put(StateTables.All[t], keys[i % keys.Count].ToUpperInvariant(), moved!);
                        break;
                }
            }

            var shuffle = new Random(c.order);
            var skipped = StateTables.All.Where(_ => shuffle.Next(4) == 0).ToHashSet(StringComparer.Ordinal);
            var read = new StateRows();
            var streaming = StreamingStateComparison.OnDemand(ledger.Table);
            foreach (var table in StateTables.All)
            {
                read.Declare(table);
                if (skipped.Contains(table))
                {
                    continue;
                }

                foreach (var (key, row) in stored.Tables[table].OrderBy(_ => shuffle.Next()))
                {
                    var copy = streaming.Add(table, key, row.Label, row.Event);
                    var whole = read.Add(table, key, row.Label, row.Event);
                    foreach (var (column, value) in row.Columns)
                    {
                        copy.Set(column, value);
                        whole.Set(column, value);
                    }
                }
            }

            Assert.Equal(StateComparison.Compare(ledger.ToRows(), read).Select(d => d.ToString()), streaming.Finish().Select(d => d.ToString()));
        }, count: 300);
    }

    [Fact]
    public void The_tables_digests_agree_exactly_when_the_row_by_row_comparison_finds_nothing()
    {
        // The edits of the comparison's property (0 change a column, 1 delete a row, 2 add a row, 3 key
        // not in its text form), 4 a stored row twice, and 5 a row's columns set in reverse order, which
        // the comparison (by column name) does not see and neither may the digests. Rows are read in any order.
        var edit = from kind in Gen.Choose(0, 5) from table in Gen.Choose(0, StateTables.All.Count - 1) from row in Gen.Choose(0, 1_000) select (kind, table, row);
        var cases = from count in Gen.Choose(0, 3) from edits in Gen.ListOf(edit, count) from order in Gen.Choose(0, int.MaxValue) select (edits, order);
        var ledger = Replay(Life());
        var salt = StateDigests.NewSalt();
        var replayed = StateDigests.OfReplay(ledger.Table, salt);

        Properties.ForAll(cases, c =>
        {
            var stored = Replay(Life()).ToRows();
            var twice = new List<(string Table, string Key, StateRow Row)>();
            var notRecordedEdited = false;
            foreach (var (kind, t, i) in c.edits)
            {
                var table = StateTables.All[t];
                var rows = stored.Tables[table];
                var keys = rows.Keys.Order(StringComparer.Ordinal).ToList();
                var key = keys.Count > 0 ? keys[i % keys.Count] : null;
                switch (kind)
                {
                    case 0 when key is not null:
                        var (edited, was) = rows[key].Columns[i % rows[key].Columns.Count];
                        notRecordedEdited |= was == StateRow.NotRecorded;
                        rows[key].Set(edited, $"edited-{i}");
                        break;
                    case 1 when key is not null:
                        rows.Remove(key);
                        break;
                    case 2:
                        stored.Add(table, $"extra-{i}", $"extra row {i}", 0).Set("x", "y");
                        break;
                    case 3 when key is not null && key.ToUpperInvariant() != key:
                        rows.Remove(key, out var moved);
                        stored.Put(table, key.ToUpperInvariant(), moved!);
                        break;
                    case 4 when key is not null:
                        twice.Add((table, key, rows[key]));
                        break;
                    case 5 when key is not null:
                        var reversed = new StateRow(rows[key].Label, rows[key].Event);
                        foreach (var (column, value) in rows[key].Columns.Reverse())
                        {
                            reversed.Set(column, value);
                        }

                        rows[key] = reversed;
                        break;
                }
            }

            var shuffle = new Random(c.order);
            var streaming = StreamingStateComparison.OnDemand(ledger.Table);
            var digests = new StateDigests(salt);
            foreach (var table in StateTables.All)
            {
                var rows = stored.Tables[table].Select(r => (Table: table, r.Key, Row: r.Value)).Concat(twice.Where(r => r.Table == table));
                foreach (var (_, key, row) in rows.OrderBy(_ => shuffle.Next()))
                {
                    var copy = streaming.Add(table, key, row.Label, row.Event);
                    var digested = digests.Add(table, key, row.Label, row.Event);
                    foreach (var (column, value) in row.Columns)
                    {
                        copy.Set(column, value);
                        digested.Set(column, value);
                    }
                }
            }

            // Equal digests may be trusted (the comparison would find nothing); different ones send the
            // verifier to the comparison, and they differ whenever it finds something. A column the ledger
            // does not record is not compared, so editing it alone is the one case where they differ and
            // the comparison finds nothing: the verifier then merely compares in full.
            var found = streaming.Finish();
            var same = digests.Finish().SameAs(replayed);
            if (same)
            {
                Assert.Empty(found);
            }
            else if (!notRecordedEdited)
            {
                Assert.NotEmpty(found);
            }
        }, count: 300);
    }

    [Fact]
    public void Digests_taken_in_parts_side_by_side_combine_to_the_digests_of_all_the_rows()
    {
        // The verifier digests the stored tables in two parts on two connections; a table's rows may fall
        // in either part, in any order. Combined, the parts must equal the whole, and lose nothing.
        var ledger = Replay(Life());
        var salt = StateDigests.NewSalt();
        var whole = StateDigests.OfReplay(ledger.Table, salt);
        var rows = ledger.ToRows();
        var random = new Random(15);
        var parts = new[] { new StateDigests(salt), new StateDigests(salt) };
        var dropped = new StateDigests(salt);
        var first = true;
        foreach (var (table, tableRows) in rows.Tables)
        {
            foreach (var (key, row) in tableRows)
            {
                var part = parts[random.Next(2)];
                var copy = part.Add(table, key, row.Label, row.Event);
                foreach (var (column, value) in row.Columns)
                {
                    copy.Set(column, value);
                }

                // The same rows but the first, for the part that lost one.
                if (!first)
                {
                    dropped.Add(table, key, row);
                }

                first = false;
            }
        }

        Assert.True(StateDigests.Combine(parts[0], parts[1]).SameAs(whole));
        Assert.True(StateDigests.Combine(parts[1], parts[0]).SameAs(whole));
        Assert.False(StateDigests.Combine(parts[0], parts[1], dropped).SameAs(whole));
        Assert.False(StateDigests.Combine(dropped).SameAs(whole));
        Assert.Throws<InvalidOperationException>(() => StateDigests.Combine(parts[0], new StateDigests(StateDigests.NewSalt())));
    }

    [Fact]
    public void Digests_made_with_another_salt_are_refused_rather_than_compared()
    {
        var ledger = Replay(Life());
        var salt = StateDigests.NewSalt();
        var digests = StateDigests.OfReplay(ledger.Table, salt);

        Assert.True(digests.SameAs(StateDigests.OfReplay(Replay(Life()).Table, salt)));
        Assert.Throws<InvalidOperationException>(() => digests.SameAs(StateDigests.OfReplay(ledger.Table, StateDigests.NewSalt())));
    }

    [Theory]
    [InlineData("20000000-0000-0000-0000-000000000001", true, -1)]
    [InlineData("20000000-0000-0000-0000-000000000001/2", true, 2)]
    [InlineData("20000000-0000-0000-0000-000000000001/0", true, 0)]
    [InlineData("2000000A-0000-0000-0000-000000000001", false, 0)]
    [InlineData("20000000-0000-0000-0000-000000000001/02", false, 0)]
    [InlineData("20000000-0000-0000-0000-000000000001/-1", false, 0)]
    [InlineData("20000000-0000-0000-0000-000000000001/", false, 0)]
    [InlineData("20000000-0000-0000-0000-000000000001x2", false, 0)]
    [InlineData("{20000000-0000-0000-0000-000000000001}", false, 0)]
    [InlineData("lhartley/ICD10CM-2026", false, 0)]
    public void A_row_key_is_read_as_an_id_only_in_the_one_text_form_the_rows_are_written_in(string key, bool parsed, int version)
    {
        var result = StateTables.ParseKey(key);
        Assert.Equal(parsed, result is not null);
        if (parsed)
        {
            Assert.Equal((A1, version), result!.Value);
            Assert.Equal(key, version < 0 ? StateRows.Text(A1) : StateTables.VersionKey(A1, version));
        }
    }

    [Fact]
    public void The_row_names_the_event_that_last_set_it()
    {
        var events = Life();
        var finalization = events.FindIndex(e => e.Event is EncounterFinalized f && f.Encounter == A1) + 1;

        var row = Replay(events).ToRows().Tables[StateTables.WorkItems][StateRows.Text(A1)];

        Assert.Equal(finalization, row.Event);
    }

    [Fact]
    public void An_unknown_event_type_is_a_named_divergence()
    {
        var state = ReplayedState.Of([Raw(1, "encounter.teleported", "A-1", "{}")]);

        Assert.Equal(["STATE-DIVERGES: event 1 (encounter.teleported): not an event type CodeLedger writes, so the state it describes is unknown"],
            state.Contradictions.Select(c => c.ToString()));
    }

    [Fact]
    public void A_payload_without_its_types_shape_is_a_named_divergence()
    {
        var state = ReplayedState.Of([Raw(1, EncounterFinalized.Type, "A-1", "{\"encounter\":42")]);

        Assert.Equal(["STATE-DIVERGES: event 1 (encounter.finalized): the payload does not have its type's fields"], state.Contradictions.Select(c => c.ToString()));
    }

    [Fact]
    public void A_finalization_of_an_encounter_no_event_received_is_a_named_divergence()
    {
        var events = Life().Where(e => e.Event is not EncounterReceived r || r.Id != A1).ToList();

        var state = Replay(events);

        Assert.Contains(state.Contradictions, c => c.Message.StartsWith("event ", StringComparison.Ordinal)
            && c.Message.Contains("(encounter.finalized): encounter A-1 (" + A1.ToString("D") + ") was never received", StringComparison.Ordinal));
        Assert.DoesNotContain(StateRows.Text(A1), state.ToRows().Tables[StateTables.WorkItems].Keys);
    }

    [Fact]
    public void A_second_finalization_and_an_answer_to_a_closed_query_are_named()
    {
        var events = Life();
        events.Add(("A-1", new EncounterFinalized(A1, 2, Monday.AddHours(9), Monday, false, null, null)));
        events.Add(("A-2", new QueryAnswered(Query2, A2, null, K('a'), Monday.AddHours(80), Monday.AddHours(75))));

        var state = Replay(events);

        Assert.Equal(
            [$"STATE-DIVERGES: event {events.Count - 1} (encounter.finalized): encounter A-1 was already finalized at {StateRows.Text(Monday.AddHours(4))}",
             $"STATE-DIVERGES: event {events.Count} (query.answered): query {Query2:D} was already unresolved"],
            state.Contradictions.Select(c => c.ToString()));
        Assert.Equal(StateRows.Text(Monday.AddHours(4)), state.ToRows().Tables[StateTables.WorkItems][StateRows.Text(A1)].Get("finalized_at"));
    }

    [Fact]
    public void Comparison_names_a_changed_column_a_missing_row_and_an_extra_row()
    {
        var ledger = Replay(Life()).ToRows();
        var stored = Replay(Life()).ToRows();
        stored.Tables[StateTables.WorkItems][StateRows.Text(A1)].Set("finalized_at", StateRows.Text(Monday.AddHours(1)));
        stored.Tables[StateTables.CodingResults].Remove(StateTables.VersionKey(A1, 1));
        stored.Add(StateTables.Organizations, Guid.Empty.ToString("D"), "organization GHOST", 0).Set("code", "GHOST");
        var finalization = Life().FindIndex(e => e.Event is EncounterFinalized f && f.Encounter == A1) + 1;
        var firstCoding = Life().FindIndex(e => e.Event is CodingSubmitted c && c.Encounter == A1) + 1;

        var divergences = StateComparison.Compare(ledger, stored).Select(d => d.ToString()).ToList();

        Assert.Equal(
            [$"STATE-DIVERGES: coding_results row for encounter A-1 coding version 1 is not in the database, ledger says it exists (event {firstCoding})",
             "STATE-DIVERGES: organizations row for organization GHOST is in the database, but no ledger event records it",
             $"STATE-DIVERGES: work_items row for encounter A-1: finalized_at {StateRows.Text(Monday.AddHours(1))}, ledger says {StateRows.Text(Monday.AddHours(4))} (event {finalization})"],
            divergences);
    }

    [Fact]
    public void Identical_state_has_no_divergence()
    {
        Assert.Empty(StateComparison.Compare(Replay(Life()).ToRows(), Replay(Life()).ToRows()));
    }

    [Fact]
    public void A_contract_signed_before_its_terms_were_ledgered_leaves_those_terms_unchecked_and_its_sla_refused_until_the_backfill()
    {
        var events = Life().Where(e => e.Event is not SlaContractTermsRecorded).ToList();
        var ledger = Replay(events);
        var stored = Replay(Life()).ToRows();
        stored.Tables[StateTables.Contracts][StateRows.Text(ContractId)].Set("working_hours", "00:00-23:59 Sunday");

        Assert.Empty(StateComparison.Compare(ledger.ToRows(), stored));
        var refused = Assert.Throws<DomainException>(() => ReplayedSla.Report(ledger, "FM-NORTH", null, "2026-03"));
        Assert.Equal(LedgerErrors.ReplayIncomplete, refused.Error);
        var backfilled = Replay(Life());
        Assert.Contains(StateComparison.Compare(backfilled.ToRows(), stored), d => d.Message.Contains("working_hours 00:00-23:59 Sunday, ledger says 08:00-17:00 Monday,Tuesday,Wednesday,Thursday,Friday", StringComparison.Ordinal));
    }

    [Fact]
    public void Terms_recorded_for_a_contract_that_already_carries_them_or_was_never_signed_are_named()
    {
        var events = Life();
        events.Add(("FM-NORTH", SlaContractTermsRecorded.Of(Contract())));
        events.Add(("FM-NORTH", SlaContractTermsRecorded.Of(Contract()) with { Contract = Guid.Empty }));

        var state = Replay(events);

        Assert.Equal(
            [$"STATE-DIVERGES: event {events.Count - 1} (sla-contract.terms-recorded): contract {ContractId:D} already carries its terms; a backfill may only add what is missing",
             $"STATE-DIVERGES: event {events.Count} (sla-contract.terms-recorded): contract {Guid.Empty:D} was never signed"],
            state.Contradictions.Select(c => c.ToString()));
    }

    [Fact]
    public void The_replayed_sla_report_is_the_calculation_on_the_events()
    {
        var report = ReplayedSla.Report(Replay(Life()), "FM-NORTH", null, "2026-03");

        // Monday 08:00 to 12:00 in Chicago less the query's two hours = 2 h. A-2: its clock restarted
        // at 10:00 Monday by the corrected note; its query, open from 11:00 until it went unresolved at
        // finalization, pauses everything after the first hour: 1 h.
        Assert.Equal((2, 2, 0, 1.5m), (report.Count, report.WithinTarget, report.Breaches.Count, report.MeanHours));
        Assert.Equal(("FM-NORTH", "ACME", new DateOnly(2026, 1, 1)), (report.Practice, report.Vendor, report.ContractEffectiveOn));
    }

    [Fact]
    public void An_sla_report_for_an_organization_the_ledger_does_not_register_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => ReplayedSla.Report(Replay(Life()), "NOBODY", null, "2026-03"));

        Assert.Equal(OrganizationErrors.Unknown, refused.Error);
    }
}
