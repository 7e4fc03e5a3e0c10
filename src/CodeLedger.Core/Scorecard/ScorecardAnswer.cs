using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Scorecard;

/// <summary>
/// What a practice's admin records where no data can show it: a reference checked, the vendor's
/// price against the market range, why a low price is low, whether the contract grants an
/// independent audit right. Each has one text form (<see cref="Value"/>, fields joined by '|'),
/// stored in <c>scorecard_answers</c> and carried by <c>scorecard.answered</c>, so replay compares
/// the row with the event as text. No answer holds PHI: organizations, specialties, dates, prices.
/// </summary>
public abstract record ScorecardAnswer
{
    public const string ReferenceKind = "reference";
    public const string PriceKind = "price";
    public const string PriceExplanationKind = "price-explanation";
    public const string AuditRightKind = "audit-right";

    public static IReadOnlyList<string> Kinds { get; } = [ReferenceKind, PriceKind, PriceExplanationKind, AuditRightKind];

    public abstract string Kind { get; }

    /// <summary>The answer's one text form.</summary>
    public abstract string Value { get; }

    /// <summary>Reads an answer back from its kind and text form (a stored row, a ledger event); SCORECARD-ANSWER-INVALID naming the field otherwise.</summary>
    public static ScorecardAnswer Parse(string kind, string value)
    {
        var parts = value.Split('|');
        return kind switch
        {
            ReferenceKind when parts.Length == 3 => new ReferenceAnswer(parts[0], Specialty(parts[1]), Date(parts[2], "checked on")),
            PriceKind when parts.Length == 4 => new PriceAnswer(Basis(parts[0]), Amount(parts[1], "price"), Amount(parts[2], "market low"), Amount(parts[3], "market high")),
            PriceExplanationKind => new PriceExplanationAnswer(value),
            AuditRightKind when parts.Length == 2 => new AuditRightAnswer(parts[0] switch
            {
                "yes" => true,
                "no" => false,
                _ => throw Invalid($"audit right '{Echo(parts[0])}' is not yes or no"),
            }, parts[1].Length == 0 ? null : parts[1]),
            _ when !Kinds.Contains(kind) => throw Invalid($"answer kind '{Echo(kind)}' is not one of: {string.Join(", ", Kinds)}"),
            _ => throw Invalid($"a {kind} answer does not have its fields"),
        };
    }

    internal static DomainException Invalid(string message) => new(ScorecardErrors.AnswerInvalid, message);

    /// <summary>Free text of the user's own is repeated in an error only as a short prefix.</summary>
    internal static string Echo(string text) => text.Length <= 24 ? text : text[..24] + "…";

    internal static string Field(string? text, string field, int max)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > max || trimmed.Contains('|', StringComparison.Ordinal) || trimmed.Any(char.IsControl))
        {
            throw Invalid($"{field} must be 1 to {max} characters, without '|' or control characters");
        }

        return trimmed;
    }

    private static Specialty Specialty(string text) =>
        Codes.Specialty.TryParse(text, out var s, out var error) ? s : throw Invalid($"specialty: {error}");

    private static DateOnly Date(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Invalid($"{field} '{Echo(text)}' is not YYYY-MM-DD");

    internal static decimal Amount(string text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : throw Invalid($"{field} '{Echo(text)}' is not a non-negative decimal number");

    private static PriceBasis Basis(string text) => text switch
    {
        "per-encounter" => PriceBasis.PerEncounter,
        "percent-of-collections" => PriceBasis.PercentOfCollections,
        _ => throw Invalid($"price basis '{Echo(text)}' is not per-encounter or percent-of-collections"),
    };
}

/// <summary>A reference the practice checked: another practice the vendor codes for, its specialty, the day it was checked.</summary>
public sealed record ReferenceAnswer : ScorecardAnswer
{
    public ReferenceAnswer(string organization, Specialty specialty, DateOnly checkedOn)
    {
        Organization = Field(organization, "reference organization", 120);
        Specialty = specialty;
        CheckedOn = checkedOn;
    }

    public string Organization { get; }

    public Specialty Specialty { get; }

    public DateOnly CheckedOn { get; }

    public override string Kind => ReferenceKind;

    public override string Value => $"{Organization}|{Specialty.Value}|{CheckedOn:yyyy-MM-dd}";
}

/// <summary>How a vendor prices its work.</summary>
public enum PriceBasis
{
    PerEncounter,
    PercentOfCollections,
}

/// <summary>The vendor's price and the market range the user entered for the same basis (dollars per encounter, or percent of collections).</summary>
public sealed record PriceAnswer : ScorecardAnswer
{
    public PriceAnswer(PriceBasis basis, decimal price, decimal marketLow, decimal marketHigh)
    {
        if (price < 0 || marketLow <= 0 || marketHigh < marketLow)
        {
            throw Invalid("price must be 0 or more and the market range low > 0 and low <= high");
        }

        if (basis == PriceBasis.PercentOfCollections && (price > 100 || marketHigh > 100))
        {
            throw Invalid("a percent of collections is at most 100");
        }

        Basis = basis;
        Price = price;
        MarketLow = marketLow;
        MarketHigh = marketHigh;
    }

    public PriceBasis Basis { get; }

    public decimal Price { get; }

    public decimal MarketLow { get; }

    public decimal MarketHigh { get; }

    /// <summary>The middle of the market range: the price the flag measures against.</summary>
    public decimal MarketMiddle => (MarketLow + MarketHigh) / 2;

    /// <summary>How far below the middle of the market the price is (0 when at or above it).</summary>
    public decimal ShareBelowMarket => Math.Max(0, (MarketMiddle - Price) / MarketMiddle);

    public override string Kind => PriceKind;

    public override string Value => string.Create(CultureInfo.InvariantCulture,
        $"{(Basis == PriceBasis.PerEncounter ? "per-encounter" : "percent-of-collections")}|{Price}|{MarketLow}|{MarketHigh}");

    /// <summary>The price as a person reads it: $4.50 per encounter, 5% of collections.</summary>
    public string Describe(decimal amount) => Basis == PriceBasis.PerEncounter
        ? string.Create(CultureInfo.InvariantCulture, $"${amount:0.00} per encounter")
        : string.Create(CultureInfo.InvariantCulture, $"{amount:0.##}% of collections");
}

/// <summary>Why the vendor's price is low (an offshore team, a volume discount): a low price with an explanation raises no flag.</summary>
public sealed record PriceExplanationAnswer : ScorecardAnswer
{
    public PriceExplanationAnswer(string text) => Text = Field(text, "explanation", 500);

    public string Text { get; }

    public override string Kind => PriceExplanationKind;

    public override string Value => Text;
}

/// <summary>Whether the contract grants the practice an independent audit right, and where it says so (a clause).</summary>
public sealed record AuditRightAnswer : ScorecardAnswer
{
    public AuditRightAnswer(bool granted, string? clause)
    {
        Granted = granted;
        Clause = clause is null || clause.Trim().Length == 0 ? null : Field(clause, "clause", 120);
    }

    public bool Granted { get; }

    public string? Clause { get; }

    public override string Kind => AuditRightKind;

    public override string Value => $"{(Granted ? "yes" : "no")}|{Clause}";
}

/// <summary>An answer as recorded: by whom and when (the latest of a kind stands; references count each organization's latest).</summary>
public sealed record RecordedAnswer(ScorecardAnswer Answer, string RecordedBy, DateTimeOffset RecordedAt);
