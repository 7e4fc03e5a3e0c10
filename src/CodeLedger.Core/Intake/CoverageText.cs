using System.Globalization;
using System.Text;
using CodeLedger.Core.Billing;

namespace CodeLedger.Core.Intake;

/// <summary>
/// The canonical texts of an encounter's coverage that the ledger carries as keyed hashes (PHI never
/// enters it): each field as its UTF-8 byte length, a colon, the text and a newline, after a format
/// tag, so no two different policies or addresses write the same bytes (the form of the demographics,
/// Storage/Protection/PhiLedgerHash). The payer's code is in the policy too: a policy moved to another
/// payer is another policy.
/// </summary>
public static class CoverageText
{
    public const string PolicyFormat = "codeledger-coverage-v1";
    public const string AddressFormat = "codeledger-address-v1";

    public static string Policy(ClaimCoverage c) => Canonical(
        PolicyFormat, c.PayerCode, c.MemberId, c.Relationship.ToString(), c.GroupNumber ?? string.Empty, c.SubscriberFamilyName ?? string.Empty,
        c.SubscriberGivenName ?? string.Empty, c.SubscriberBirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        c.SubscriberSex?.ToString() ?? string.Empty);

    public static string Address(BillingAddress a) => Canonical(AddressFormat, a.Line1, a.Line2 ?? string.Empty, a.City, a.State, a.PostalCode);

    private static string Canonical(params string[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return text.ToString();
    }
}
