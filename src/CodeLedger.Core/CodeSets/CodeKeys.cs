namespace CodeLedger.Core.CodeSets;

/// <summary>Turns a packed procedure code key (<see cref="Codes.ProcedureCode.Key"/>) back into its text.</summary>
internal static class CodeKeys
{
    public static string ToCode(int key) => string.Create(5, key, static (span, k) =>
    {
        for (var i = 4; i >= 0; i--)
        {
            var d = k % 36;
            span[i] = (char)(d < 10 ? '0' + d : 'A' + d - 10);
            k /= 36;
        }
    });

    public static long Pair(int column1, int column2) => ((long)column1 << 32) | (uint)column2;
}
