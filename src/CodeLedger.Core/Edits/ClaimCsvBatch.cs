using System.Collections.Immutable;

namespace CodeLedger.Core.Edits;

/// <summary>Claims read from a CSV, with a finding for each row that could not be read.</summary>
public sealed record ClaimCsvBatch(ImmutableArray<Claim> Claims, int Lines, ImmutableArray<EditFinding> Malformed);
