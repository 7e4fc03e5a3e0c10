using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger;

/// <summary>What replaying the ledger can find or refuse (docs/LEDGER.md, "Replay"). Listed with their statuses in docs/ERRORS.md.</summary>
public static class LedgerErrors
{
    /// <summary>The stored state differs from the state the ledger's events describe, or an event contradicts the state before it.</summary>
    public static readonly ErrorCode StateDiverges = new("STATE-DIVERGES", ErrorExit.Refused, Http.Conflict);

    /// <summary>A figure asked of an export whose events do not carry what the figure needs (a contract signed before its terms were ledgered).</summary>
    public static readonly ErrorCode ReplayIncomplete = new("LEDGER-REPLAY-INCOMPLETE", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>`ledger replay` asked for a report it does not compute.</summary>
    public static readonly ErrorCode UnknownReport = new("LEDGER-REPORT-UNKNOWN", ErrorExit.Unreadable, Http.BadRequest);
}
