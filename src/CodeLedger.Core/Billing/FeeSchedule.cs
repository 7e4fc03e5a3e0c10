using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Billing;

/// <summary>One charge of the chargemaster: a procedure code, optionally with one modifier, and its charge per unit.</summary>
public sealed record FeeScheduleEntry(ProcedureCode Code, Modifier? Modifier, Money Charge)
{
    /// <summary>The entry's key as the ledger and <c>fees list</c> write it: <c>99213</c> or <c>99213-25</c>.</summary>
    public string Key => Modifier is { } m ? $"{Code.Value}-{m.Value}" : Code.Value;
}

/// <summary>
/// One version of a practice's fee schedule, in force from <see cref="EffectiveOn"/> until the next
/// version's date. A line's charge is the entry for its code and first modifier when the practice
/// priced that pair (a technical component, say), else the entry for the code alone; a code it did
/// not price has no charge (a fix-queue finding when a claim needs it, never a zero).
/// </summary>
public sealed class FeeSchedule
{
    private readonly Dictionary<string, FeeScheduleEntry> _byKey;

    public FeeSchedule(DateOnly effectiveOn, IEnumerable<FeeScheduleEntry> entries)
    {
        EffectiveOn = effectiveOn;
        Entries = [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
        _byKey = Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    public DateOnly EffectiveOn { get; }

    /// <summary>The entries in key order (code, then modifier).</summary>
    public IReadOnlyList<FeeScheduleEntry> Entries { get; }

    /// <summary>The charge per unit of a code with its modifiers, or null when the practice has no fee for it.</summary>
    public Money? ChargeFor(ProcedureCode code, IReadOnlyList<Modifier> modifiers)
    {
        if (modifiers.Count > 0 && _byKey.TryGetValue($"{code.Value}-{modifiers[0].Value}", out var priced))
        {
            return priced.Charge;
        }

        return _byKey.TryGetValue(code.Value, out var plain) ? plain.Charge : null;
    }

    /// <summary>The version in force on a date: the latest effective on or before it; null before the first.</summary>
    public static FeeSchedule? InForceOn(IEnumerable<FeeSchedule> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveOn <= date).MaxBy(v => v.EffectiveOn);
}
