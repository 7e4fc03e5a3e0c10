using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Edits;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Ledger;
using CodeLedger.Testing;
using CodeLedger.X12;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// Claims out on both providers (docs/BILLING.md, "Claims submit"): a coding a lead finalized over an
/// edit error is held in the fix queue with that rule, the clean one leaves in a clean 837P, the
/// control number moves on, and replay rebuilds the claims table.
/// </summary>
public abstract partial class WorkflowSuite
{
    private static readonly ClaimCoverage AetnaPolicy = new("AETNA", "MBR99887766", SubscriberRelationship.Self, "GRP0042");
    private static readonly BillingAddress ClaimHome = new("120 W Oak St", null, "Evanston", "IL", "60201");

    /// <summary>
    /// The practice's billing profile and payer as `setup apply` stores them: rows and their events
    /// together, so `ledger verify` holds them like any other (coverage comes with the visits, at intake).
    /// </summary>
    private static async Task SeedBillingAsync(Harness h)
    {
        var practice = h.World.Practice;
        await h.Store.WriteAsync("test-seed", (db, ledger) =>
        {
            var profile = new BillingProfileRow
            {
                PracticeId = practice.Id, Npi = "1245319599", Ein = "364178915", AddressLine1 = "4410 N Lincoln Ave", City = "Chicago", State = "IL",
                PostalCode = "606251234", SubmitterEtin = "NORTHETIN01", SubmitterName = practice.Name, ContactName = "Billing Office", ContactPhone = "3125550142",
            };
            db.Add(profile);
            ledger.Append(practice.Code, new Core.Ledger.Events.BillingProfileSet(practice.Code, profile.Npi, profile.Ein, profile.AddressLine1, profile.AddressLine2,
                profile.City, profile.State, profile.PostalCode, profile.SubmitterEtin, profile.SubmitterName, profile.ContactName, profile.ContactPhone, profile.Production, []));
            var payer = new PayerRow
            {
                Id = Guid.NewGuid(), PracticeId = practice.Id, Code = "AETNA", Name = "Aetna", PayerId = "60054", ClaimFilingIndicator = "CI",
                InterchangeQualifier = "ZZ", InterchangeId = "CLEARHOUSE01", GroupReceiverCode = "CLEARHOUSE01",
            };
            db.Add(payer);
            ledger.Append(practice.Code, new Core.Ledger.Events.PayerRegistered(payer.Id, practice.Code, payer.Code, payer.Name, payer.PayerId, payer.ClaimFilingIndicator,
                payer.InterchangeQualifier, payer.InterchangeId, payer.GroupReceiverCode));
            return Task.CompletedTask;
        }, Ct);
        var admin = new Principal("pa-north", UserRole.PracticeAdmin, practice.Id);
        await new FeeScheduleDesk(h.Store).ImportAsync(practice.Code, admin, "fees.csv", Encoding.UTF8.GetBytes("code,modifier,charge\n99213,,125.00\n"), new DateOnly(2020, 1, 1), Ct);
    }

    [Fact]
    public async Task A_claim_finalized_over_an_edit_error_waits_in_the_fix_queue_while_the_clean_one_leaves_in_a_clean_837P()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now) with { Coverage = AetnaPolicy, PatientAddress = ClaimHome },
            WorkflowWorld.Visit("A-2", h.Now) with { Coverage = AetnaPolicy, PatientAddress = ClaimHome });
        Assert.True((await h.CodeAsync("A-1", await AssigneeAsync(h, "A-1"))).Finalized);
        var broken = WorkflowWorld.Coding(1, 3);
        await h.CodeAsync("A-2", h.World.Lead.UserName, broken, "pointer 3 refers to a diagnosis added on paper; payer confirmed");
        await SeedBillingAsync(h);
        var admin = new Principal("pa-north", UserRole.PracticeAdmin, h.World.Practice.Id);
        var outbox = Path.Combine(Path.GetTempPath(), "codeledger-outbox-" + Guid.NewGuid().ToString("N"));
        var desk = new ClaimDesk(h.Store, Editor);

        try
        {
            var first = await desk.SubmitAsync(h.World.Practice.Code, admin, outbox, Ct);
            var again = await desk.SubmitAsync(h.World.Practice.Code, admin, outbox, Ct);

            Assert.Equal((2, 1, 1), (first.Built, first.Submitted, first.FixQueue));
            Assert.Equal(1, first.FixQueueByFinding[EditRules.DxPointer]);
            Assert.Equal((0, 0, 0), (again.Built, again.Rebuilt, again.Files.Count));
            var held = Assert.Single(await desk.ListAsync(h.World.Practice.Code, admin, ClaimStatus.FixQueue, Ct));
            Assert.Equal("A-2-1", held.ClaimId);
            Assert.Contains(held.Findings, f => f.Code == EditRules.DxPointer && f.Severity == "error");
            var file = Assert.Single(first.Files);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(outbox, h.World.Practice.Code, file.FileName), Ct);
            var parsed = X12Parser.Parse(bytes);
            Assert.True(parsed.Errors.Count == 0, string.Join("; ", parsed.Errors.Select(e => $"{e.Code} {e.SegmentId}{e.Element}: {e.Message}")));
            Assert.Contains("CLM*A-1-1*125*", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("A-2-1", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            Assert.Empty((await new ReplayVerifier(h.Store).VerifyAsync(Ct)).Divergences);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_coding_the_claim_cannot_bill_holds_that_claim_only_and_the_practices_other_claim_still_leaves()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now) with { Coverage = AetnaPolicy, PatientAddress = ClaimHome },
            WorkflowWorld.Visit("A-2", h.Now) with { Coverage = AetnaPolicy, PatientAddress = ClaimHome });
        var fractional = WorkflowWorld.Coding() with
        {
            Lines = [new Core.Coding.ServiceLine(Core.Codes.ProcedureCode.Parse("99213"), [], 1.5m, Core.Codes.Money.Parse("120.00"), [1, 2])],
        };
        // A coder's submission of fractional units is not finalized; a lead's, with a reason, is: so such a coding reaches claims submit.
        Assert.True((await h.CodeAsync("A-1", h.World.Lead.UserName, fractional, "units confirmed with the physician")).Finalized);
        Assert.True((await h.CodeAsync("A-2", await AssigneeAsync(h, "A-2"))).Finalized);
        await SeedBillingAsync(h);
        var admin = new Principal("pa-north", UserRole.PracticeAdmin, h.World.Practice.Id);
        var outbox = Path.Combine(Path.GetTempPath(), "codeledger-outbox-" + Guid.NewGuid().ToString("N"));
        var desk = new ClaimDesk(h.Store, Editor);

        try
        {
            var submit = await desk.SubmitAsync(h.World.Practice.Code, admin, outbox, Ct);

            Assert.Equal((2, 1, 1), (submit.Built, submit.Submitted, submit.FixQueue));
            Assert.Equal(1, submit.FixQueueByFinding[BillingErrors.ClaimUnits.Value]);
            var held = Assert.Single(await desk.FixesAsync(h.World.Practice.Code, admin, Ct));
            Assert.Equal(("A-1-1", "fix-queue"), (held.ClaimId, held.Status));
            Assert.Empty(held.Lines);
            Assert.Equal(BillingErrors.ClaimUnits.Value, Assert.Single(held.Findings).Code);
            Assert.Empty((await new ReplayVerifier(h.Store).VerifyAsync(Ct)).Divergences);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }
}
