namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// The payload of one ledger event type. Each type is a record in this folder whose properties,
/// in declaration order and camelCase, are the payload's JSON fields (docs/LEDGER.md lists them);
/// <see cref="LedgerEvents"/> is the one place that turns them into payload text and back.
/// Payloads never hold PHI: identifiers, codes, instants and SHA-256 hashes of documents only.
/// </summary>
public interface ILedgerEvent
{
    /// <summary>The dotted event type written in the ledger's <c>type</c> field, e.g. <c>query.raised</c>.</summary>
    static abstract string Type { get; }
}
