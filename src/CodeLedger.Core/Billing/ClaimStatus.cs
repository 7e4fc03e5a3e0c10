namespace CodeLedger.Core.Billing;

/// <summary>
/// Where a claim stands (docs/BILLING.md). Claims out sets the first three; acknowledgments and
/// remittances (later desks) extend the life with the rest. Stored and written to the ledger by
/// name (kebab-case), so values may be added but never renamed.
/// </summary>
public enum ClaimStatus
{
    /// <summary>Built, but an error finding (an edit, no coverage, no fee) keeps it from leaving.</summary>
    FixQueue,

    /// <summary>Built and clean: the next <c>claims submit</c> batches it.</summary>
    Ready,

    /// <summary>Written to an 837P in the outbox.</summary>
    Submitted,

    /// <summary>Accepted by the payer's or clearinghouse's acknowledgment (999/277CA).</summary>
    Accepted,

    /// <summary>Rejected by an acknowledgment; returns to the fix queue with the reasons.</summary>
    Rejected,

    /// <summary>Paid (in whole or in part) by an 835.</summary>
    Paid,

    /// <summary>Denied by an 835.</summary>
    Denied,
}

/// <summary>The stored and ledgered names of <see cref="ClaimStatus"/> (kebab-case: <c>fix-queue</c>, <c>ready</c> ...).</summary>
public static class ClaimStatusNames
{
    private static readonly Dictionary<ClaimStatus, string> Names = Enum.GetValues<ClaimStatus>()
        .ToDictionary(s => s, s => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()));

    private static readonly Dictionary<string, ClaimStatus> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(this ClaimStatus status) => Names[status];

    /// <summary>The status of a stored name; an unknown name (an edited row) is refused, never read as a default.</summary>
    public static ClaimStatus Parse(string name) =>
        Values.TryGetValue(name, out var status) ? status : throw new FormatException($"{Common.Echo.Quote(name)} is not a claim status ({string.Join(", ", Values.Keys)})");
}
