using System.Text;

namespace CodeLedger.Core.CodeSets.Starter;

/// <summary>
/// A small code set the demo imports so that its family-medicine and cardiology encounters have
/// codes to be checked against: a few dozen ICD-10-CM codes, the office E/M and common office
/// procedures with global periods, HCPCS Level II codes and modifiers, PTP pairs and MUEs. The
/// releases are in force from <see cref="EffectiveDate"/> until a real release replaces them.
/// </summary>
public static class StarterCodeSet
{
    public static readonly DateOnly EffectiveDate = new(2023, 10, 1);

    /// <summary>The starter files as the importers take them: kind, file name, bytes.</summary>
    public static IReadOnlyList<(CodeSetKind Kind, string FileName, byte[] Content)> Files { get; } =
    [
        (CodeSetKind.Icd10Cm, StarterFiles.IcdOrderFileName, Bytes(StarterFiles.IcdOrder)),
        (CodeSetKind.Hcpcs, StarterFiles.HcpcsAnwebFileName, Bytes(StarterFiles.HcpcsAnweb)),
        (CodeSetKind.Rvu, StarterFiles.RvuFileName, Bytes(StarterFiles.Rvu)),
        (CodeSetKind.NcciPtp, StarterFiles.PtpFileName, Bytes(StarterFiles.Ptp)),
        (CodeSetKind.Mue, StarterFiles.MueFileName, Bytes(StarterFiles.Mue)),
    ];

    /// <summary>Imports every starter file through the same importers as the official releases.</summary>
    public static IReadOnlyList<CodeSetRelease> Releases() =>
        [.. Files.Select(f => CodeSetImporter.Import(f.Kind, f.Content, f.FileName, EffectiveDate, effectiveThrough: null))];

    public static CodeSetLibrary Library() => new(Releases());

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text + "\n");
}
