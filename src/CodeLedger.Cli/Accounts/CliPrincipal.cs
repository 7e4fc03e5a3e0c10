using CodeLedger.Cli.Coding;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;

namespace CodeLedger.Cli.Accounts;

/// <summary>
/// Who a workflow command runs as: <c>--as</c>, else $CODELEDGER_USER, else the login name, and
/// that name must be an enabled user holding a role the command needs (USER-UNKNOWN,
/// USER-DISABLED, ACCESS-ROLE-REFUSED otherwise). The ledger then records that user as the actor.
/// </summary>
internal static class CliPrincipal
{
    public static Task<Principal> ResolveAsync(CodeLedgerStore store, string? given, IReadOnlySet<UserRole>? roles, string work, CancellationToken ct) =>
        new AccountDesk(store).ResolveAsync(WorkflowCli.User(given), roles, work, ct);
}
