using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// Errors about ledger checkpoints: signed receipts of the ledger's head, the keys that sign them,
/// and checking a ledger against the receipts a practice kept. Listed with their statuses in
/// docs/ERRORS.md; the format is in docs/LEDGER.md, "Checkpoints".
/// </summary>
public static class CheckpointErrors
{
    /// <summary>A receipt file that is not the documented JSON, byte for byte (the file and the field are named).</summary>
    public static readonly ErrorCode Malformed = new("CHECKPOINT-MALFORMED", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The receipt's signature does not verify against the public key it states: it was altered after signing.</summary>
    public static readonly ErrorCode Signature = new("CHECKPOINT-SIGNATURE", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>The receipt was signed with another key than the one the user pins with --public-key.</summary>
    public static readonly ErrorCode KeyNotPinned = new("CHECKPOINT-KEY-NOT-PINNED", ErrorExit.Refused, Http.Forbidden);

    /// <summary>The ledger ends before the receipt's sequence: events a practice was shown are gone.</summary>
    public static readonly ErrorCode Truncated = new("CHECKPOINT-TRUNCATED", ErrorExit.Refused, Http.Conflict);

    /// <summary>The event at the receipt's sequence has another hash: the ledger was rewritten at or before it.</summary>
    public static readonly ErrorCode Rewritten = new("CHECKPOINT-REWRITTEN", ErrorExit.Refused, Http.Conflict);

    /// <summary>The ledger's events up to the receipt's sequence are not, type by type, the counts the receipt states.</summary>
    public static readonly ErrorCode Counts = new("CHECKPOINT-COUNTS", ErrorExit.Refused, Http.Conflict);

    /// <summary>A checkpoint was asked of a ledger that is empty or whose chain does not verify: the vendor never signs a broken ledger.</summary>
    public static readonly ErrorCode LedgerNotIntact = new("CHECKPOINT-LEDGER-NOT-INTACT", ErrorExit.Refused, Http.Conflict);

    /// <summary>A --public-key value that is not an ECDSA P-256 public key (PEM or base64 SubjectPublicKeyInfo) nor a key id.</summary>
    public static readonly ErrorCode PublicKey = new("CHECKPOINT-PUBLIC-KEY", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>No signing key: PostgreSQL without CODELEDGER_SIGNING_KEY.</summary>
    public static readonly ErrorCode SigningKeyMissing = new("SIGNING-KEY-MISSING", ErrorExit.Unreadable, Http.ServiceUnavailable);

    /// <summary>CODELEDGER_SIGNING_KEY or the key file is not an ECDSA P-256 private key (PKCS#8, PEM or base64).</summary>
    public static readonly ErrorCode SigningKeyInvalid = new("SIGNING-KEY-INVALID", ErrorExit.Unreadable, Http.InternalServerError);
}
