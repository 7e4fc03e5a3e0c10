namespace CodeLedger.Storage;

/// <summary>
/// The database cannot be used: not a CodeLedger database, or unreachable. Raised before anything
/// is created or changed. <see cref="Code"/> is stable.
/// </summary>
public sealed class StorageException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
