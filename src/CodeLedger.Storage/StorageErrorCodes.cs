using CodeLedger.Core.Common;

namespace CodeLedger.Storage;

/// <summary>
/// Errors of <see cref="StorageException"/>: the database or its PHI key cannot be used. Each is
/// raised before anything is changed (or rolls the transaction back), exits 2 and is a 5xx on the
/// web host. Listed with their statuses in docs/ERRORS.md; scripts and tests match these, never messages.
/// </summary>
public static class StorageErrorCodes
{
    /// <summary>The target is a folder, not a SQLite file, or a database of another application.</summary>
    public static readonly ErrorCode NotCodeLedger = new("STORE-NOT-CODELEDGER", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>The folder that should hold the SQLite file does not exist.</summary>
    public static readonly ErrorCode FolderMissing = new("STORE-FOLDER-MISSING", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>The PostgreSQL server cannot be reached.</summary>
    public static readonly ErrorCode Unreachable = new("STORE-UNREACHABLE", ErrorExit.Unreadable, Http.ServiceUnavailable);

    /// <summary>PHI must be read or written and no key is configured (PostgreSQL without CODELEDGER_PHI_KEY, or a lost key file).</summary>
    public static readonly ErrorCode PhiKeyMissing = new("STORE-PHI-KEY-MISSING", ErrorExit.Unreadable, Http.ServiceUnavailable);

    /// <summary>CODELEDGER_PHI_KEY or the key file is not base64 of 32 bytes.</summary>
    public static readonly ErrorCode PhiKeyInvalid = new("STORE-PHI-KEY-INVALID", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>The stored PHI was encrypted with another key (named by its id).</summary>
    public static readonly ErrorCode PhiKeyMismatch = new("STORE-PHI-KEY-MISMATCH", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>An encrypted value fails authentication: altered, truncated, or moved from another column.</summary>
    public static readonly ErrorCode PhiCorrupt = new("STORE-PHI-CORRUPT", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>A stored value is not in the form CodeLedger writes in its column (a date, a GUID, a number, a code, JSON): the table was changed outside CodeLedger; replay verification names the table, column and row, never the value.</summary>
    public static readonly ErrorCode StoredValueUnreadable = new("STORE-VALUE-UNREADABLE", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>A write kept losing races to concurrent writes about the same rows and was given up (nothing of it was committed); running it again normally succeeds.</summary>
    public static readonly ErrorCode WriteConflict = new("STORE-WRITE-CONFLICT", ErrorExit.Unreadable, Http.ServiceUnavailable);

    /// <summary>A stored code-set release no longer hashes to the SHA-256 it was imported with.</summary>
    public static readonly ErrorCode CodeSetCorrupt = new("CODESET-CORRUPT", ErrorExit.Unreadable, Http.InternalServerError);

    /// <summary>A stored code-set release has a kind this build does not know.</summary>
    public static readonly ErrorCode CodeSetKind = new("CODESET-KIND", ErrorExit.Unreadable, Http.InternalServerError);
}
