namespace CodeLedger.Core.CodeSets;

/// <summary>One practitioner MUE: the most units of a code reported per line (MAI 1) or per date of service (MAI 2, 3).</summary>
public sealed record MueEntry(string Code, int Value, MueAdjudication Adjudication, string Rationale);
