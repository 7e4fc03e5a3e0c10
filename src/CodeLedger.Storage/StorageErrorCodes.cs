namespace CodeLedger.Storage;

/// <summary>Stable codes of <see cref="StorageException"/>: scripts and tests match these, never messages.</summary>
public static class StorageErrorCodes
{
    public const string NotCodeLedger = "STORE-NOT-CODELEDGER";
    public const string FolderMissing = "STORE-FOLDER-MISSING";
    public const string Unreachable = "STORE-UNREACHABLE";

    /// <summary>PHI must be read or written and no key is configured (PostgreSQL without CODELEDGER_PHI_KEY, or a lost key file).</summary>
    public const string PhiKeyMissing = "STORE-PHI-KEY-MISSING";

    /// <summary>CODELEDGER_PHI_KEY or the key file is not base64 of 32 bytes.</summary>
    public const string PhiKeyInvalid = "STORE-PHI-KEY-INVALID";

    /// <summary>The stored PHI was encrypted with another key (named by its id).</summary>
    public const string PhiKeyMismatch = "STORE-PHI-KEY-MISMATCH";

    /// <summary>An encrypted value fails authentication: altered, truncated, or moved from another column.</summary>
    public const string PhiCorrupt = "STORE-PHI-CORRUPT";
}
