using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// An amount in US dollars with whole cents. Decimal, never double; parsing and formatting are
/// culture-invariant because X12 and CSV amounts are. More than two decimal places is refused
/// rather than rounded: a charge that does not fit in cents is a data error.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount) => Amount = amount;

    public static Money Zero => default;

    public decimal Amount { get; }

    public long Cents => checked((long)(Amount * 100m));

    public static Money FromDecimal(decimal amount) =>
        TryFromDecimal(amount, out var money) ? money : throw new ArgumentOutOfRangeException(nameof(amount), amount, "amount has more than two decimal places");

    public static bool TryFromDecimal(decimal amount, out Money money)
    {
        money = default;
        if (decimal.Round(amount, 2) != amount)
        {
            return false;
        }

        money = new Money(amount);
        return true;
    }

    public static Money FromCents(long cents) => new(cents / 100m);

    public static Money Parse(string? text) =>
        TryParse(text, out var m, out var error) ? m : throw new FormatException(error);

    public static bool TryParse(string? text, out Money money) => TryParse(text, out money, out _);

    public static bool TryParse(string? text, out Money money, [NotNullWhen(false)] out string? error)
    {
        money = default;
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"amount {Echo.Quote(text)} is not a number like 125.00";
            return false;
        }

        if (!TryFromDecimal(amount, out money))
        {
            error = $"amount {Echo.Quote(text)} has more than two decimal places";
            return false;
        }

        error = null;
        return true;
    }

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);

    public static Money operator -(Money a) => new(-a.Amount);

    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;

    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;

    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;

    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>Invariant, always two decimals: 125.00.</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
