using CodeLedger.Core.Billing;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Ledger;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// For tests that store submitted claims by hand: the events <c>claims submit</c> appends for them
/// (each claim built ready, then one <c>claims.submitted</c> for their file), so that `ledger verify`
/// holds the hand-made rows like any other and a divergence a test looks for is the only one.
/// </summary>
internal static class ClaimLedger
{
    public static void RecordSent(LedgerAppender ledger, string practiceCode, IReadOnlyList<(ClaimRow Row, string EncounterExternalId)> claims)
    {
        foreach (var (row, external) in claims)
        {
            var status = row.Status;
            row.Status = ClaimStatus.Ready;
            ledger.Append(external, ClaimDesk.BuiltEvent(row));
            row.Status = status;
        }

        foreach (var file in claims.Select(c => c.Row).GroupBy(r => r.FileName))
        {
            var first = file.First();
            var isa = first.InterchangeControlNumber ?? throw new InvalidOperationException("a submitted claim names its ISA13");
            ledger.Append(practiceCode, new ClaimsSubmitted(first.PracticeId, first.FileName!, new string('0', 64), "ZZ", first.ReceiverId!, isa,
                first.GroupControlNumber ?? isa, first.TransactionControlNumber ?? isa, first.SubmittedAt!.Value, [.. file.Select(r => r.ClaimId)]));
        }
    }
}
