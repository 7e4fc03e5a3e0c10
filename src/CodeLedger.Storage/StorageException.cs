using CodeLedger.Core.Common;

namespace CodeLedger.Storage;

/// <summary>
/// The database cannot be used: not a CodeLedger database, unreachable, or its PHI key is missing
/// or wrong. Raised before anything is created or changed. <see cref="Error"/> comes from
/// <see cref="StorageErrorCodes"/>.
/// </summary>
public sealed class StorageException(ErrorCode error, string message, Exception? inner = null) : Exception(message, inner), ICodedError
{
    public ErrorCode Error { get; } = error;

    public string Code => Error.Value;
}
