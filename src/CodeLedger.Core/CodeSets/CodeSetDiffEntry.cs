namespace CodeLedger.Core.CodeSets;

/// <summary>One code that changed between two releases. Descriptions are the old and new text (null where absent).</summary>
public sealed record CodeSetDiffEntry(CodeChange Change, string Code, bool? Billable, string? FromDescription, string? ToDescription);
