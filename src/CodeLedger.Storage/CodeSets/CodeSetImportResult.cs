using CodeLedger.Core.CodeSets;

namespace CodeLedger.Storage.CodeSets;

/// <summary>What an import did: stored a new release, or found the same file (by SHA-256) already stored.</summary>
public sealed record CodeSetImportResult(CodeSetReleaseInfo Release, bool AlreadyImported, DateTimeOffset ImportedAt);
