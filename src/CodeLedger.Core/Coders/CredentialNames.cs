namespace CodeLedger.Core.Coders;

/// <summary>The printed names of credentials (CCS-P, not CcsP), for input and output.</summary>
public static class CredentialNames
{
    private static readonly Dictionary<CredentialKind, string> Names = new()
    {
        [CredentialKind.Cpc] = "CPC",
        [CredentialKind.CcsP] = "CCS-P",
        [CredentialKind.Ccs] = "CCS",
        [CredentialKind.Coc] = "COC",
        [CredentialKind.Cctc] = "CCTC",
        [CredentialKind.Ccc] = "CCC",
        [CredentialKind.Cosc] = "COSC",
        [CredentialKind.Crc] = "CRC",
        [CredentialKind.Cemc] = "CEMC",
        [CredentialKind.Cpma] = "CPMA",
        [CredentialKind.Cfpc] = "CFPC",
        [CredentialKind.Cimc] = "CIMC",
    };

    public static string Name(CredentialKind kind) => Names[kind];

    public static bool TryParse(string? text, out CredentialKind kind)
    {
        var s = text?.Trim();
        foreach (var (k, name) in Names)
        {
            if (string.Equals(name, s, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
