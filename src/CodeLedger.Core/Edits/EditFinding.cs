using System.Collections.Immutable;

namespace CodeLedger.Core.Edits;

/// <summary>One thing the edit engine found on a claim: which rule, how serious, where, which codes, and why.</summary>
/// <param name="Line">Service line number (1-based), or null for the claim as a whole; for INPUT-MALFORMED the input line.</param>
public sealed record EditFinding(
    string Rule,
    EditSeverity Severity,
    string ClaimId,
    int? Line,
    ImmutableArray<string> Codes,
    string Message);
