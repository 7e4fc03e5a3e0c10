namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Packs a canonical ICD-10-CM code (3-7 letters or digits) base 37 into a long, 0 standing for
/// "no character", so release lookups on the edit engine's hot path hash a long, not a string.
/// </summary>
public static class IcdKeys
{
    public static long Pack(string code)
    {
        if (code.Length is < 3 or > 7)
        {
            return -1;
        }

        long key = 0;
        for (var i = 0; i < 7; i++)
        {
            int digit;
            if (i >= code.Length)
            {
                digit = 0;
            }
            else
            {
                var c = code[i];
                digit = c switch
                {
                    >= '0' and <= '9' => c - '0' + 1,
                    >= 'A' and <= 'Z' => c - 'A' + 11,
                    _ => -1,
                };
                if (digit < 0)
                {
                    return -1;
                }
            }

            key = (key * 37) + digit;
        }

        return key;
    }
}
