using CodeLedger.Core.CodeSets;

namespace CodeLedger.Storage.CodeSets;

/// <summary>The header of a stored release, without its content.</summary>
public sealed record StoredCodeSetRelease(CodeSetReleaseInfo Info, DateTimeOffset ImportedAt, string ImportedBy, long ContentBytes);
