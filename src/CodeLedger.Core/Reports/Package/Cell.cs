using System.Globalization;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// One value of a package: text, a whole number, a decimal with a stated number of places, a
/// percentage, money or a date. Every cell formats itself culture-invariantly, twice: for people
/// (<see cref="Display"/>, grouped digits, "$", "%") and for CSV files (<see cref="Csv"/>, no
/// grouping and no currency sign, so a spreadsheet reads the number). The same value gives the
/// same bytes on every machine, which the manifest's hashes rely on.
/// </summary>
public abstract record Cell
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private Cell()
    {
    }

    public abstract string Display { get; }

    public abstract string Csv { get; }

    public static Cell Of(string text) => new TextCell(text);

    public static Cell Of(long value) => new IntegerCell(value);

    public sealed record TextCell : Cell
    {
        public TextCell(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            Text = text;
        }

        public string Text { get; }

        public override string Display => Text;

        public override string Csv => Text;
    }

    public sealed record IntegerCell(long Value) : Cell
    {
        public override string Display => Value.ToString("#,0", Invariant);

        public override string Csv => Value.ToString(Invariant);
    }

    /// <summary>A decimal rounded half away from zero to <see cref="Places"/> places (0 to 6) when shown.</summary>
    public sealed record DecimalCell : Cell
    {
        public DecimalCell(decimal value, int places)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(places);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(places, 6);
            Value = value;
            Places = places;
        }

        public decimal Value { get; }

        public int Places { get; }

        public override string Display => Rounded(Value, Places).ToString("#,0" + FractionFormat(Places), Invariant);

        public override string Csv => Rounded(Value, Places).ToString("0" + FractionFormat(Places), Invariant);
    }

    /// <summary>A share given as a fraction (0.953), shown as a percentage ("95.3%") with <see cref="Places"/> places after the point.</summary>
    public sealed record PercentageCell : Cell
    {
        public PercentageCell(decimal fraction, int places)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(places);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(places, 4);
            Fraction = fraction;
            Places = places;
        }

        public decimal Fraction { get; }

        public int Places { get; }

        public override string Display => Csv;

        public override string Csv => Rounded(Fraction * 100m, Places).ToString("0" + FractionFormat(Places), Invariant) + "%";
    }

    /// <summary>US dollars, shown to the cent: "$1,234.50" (negative "-$1,234.50"); in CSV "1234.50".</summary>
    public sealed record MoneyCell(decimal Amount) : Cell
    {
        public override string Display => (Amount < 0 ? "-$" : "$") + Rounded(Math.Abs(Amount), 2).ToString("#,0.00", Invariant);

        public override string Csv => Rounded(Amount, 2).ToString("0.00", Invariant);
    }

    /// <summary>A calendar date, ISO 8601 both ways (no month names: they read differently across locales).</summary>
    public sealed record DateCell(DateOnly Date) : Cell
    {
        public override string Display => Csv;

        public override string Csv => Date.ToString("yyyy-MM-dd", Invariant);
    }

    private static decimal Rounded(decimal value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);

    private static string FractionFormat(int places) => places == 0 ? string.Empty : "." + new string('0', places);
}
