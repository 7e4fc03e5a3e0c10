using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Edits;

/// <summary>A diagnosis as written on the claim; <see cref="Code"/> is null when the text is not an ICD-10-CM code's shape.</summary>
public readonly record struct ClaimDiagnosis(string Text, IcdCode? Code)
{
    public static ClaimDiagnosis Create(string text) =>
        new(text, IcdCode.TryParse(text, out var code) ? code : null);
}
