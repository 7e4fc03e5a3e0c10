using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Edits;

/// <summary>
/// A diagnosis as written on the claim; <see cref="Code"/> is null when the text is not an
/// ICD-10-CM code's shape. <see cref="Key"/> is the code packed by <see cref="IcdKeys.Pack"/>.
/// </summary>
public readonly record struct ClaimDiagnosis(string Text, IcdCode? Code, long Key)
{
    public static ClaimDiagnosis Create(string text) =>
        IcdCode.TryParse(text, out var code) ? new(text, code, IcdKeys.Pack(code.Value)) : new(text, null, -1);
}
