using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>
/// What the dollar figures need: the total non-facility RVU of one unit of a code on a date of
/// service (with the payment modifier of the line, 26/TC/53, when the fee schedule prices it apart),
/// and the conversion factor in force that day.
/// </summary>
public interface IAuditPricing
{
    /// <summary>Work + non-facility PE + MP RVUs of one unit, or null when no release in force that day prices the code.</summary>
    decimal? Rvu(ProcedureCode code, IReadOnlyList<Modifier> modifiers, DateOnly dateOfService);

    /// <summary>Dollars per RVU on that date; refuses (AUDIT-NOT-PRICED) when no factor is in force.</summary>
    decimal ConversionFactor(DateOnly dateOfService);
}

/// <summary>One conversion factor row: in force from a date through a date, of a type (single, non-qualifying-APM, qualifying-APM).</summary>
public sealed record ConversionFactorPeriod(DateOnly From, DateOnly Through, string Type, decimal Factor);

/// <summary>
/// The conversion factors by date of service, read from ../shared/data/pfs-rvu/conversion_factors_2024_2026.csv
/// (year,date_start,date_end,cf_type,conversion_factor,...). Where a year has two factors (2026: non-qualifying
/// APM 33.4009, qualifying APM 33.5675) the table keeps the type asked for; "single" rows apply to every type.
/// The default is non-qualifying-APM: the factor the PPRRVU file itself carries (RVU26A's CONV FACTOR column).
/// </summary>
public sealed class ConversionFactorTable
{
    public const string NonQualifyingApm = "non-qualifying-APM";

    public ConversionFactorTable(IEnumerable<ConversionFactorPeriod> periods) => Periods = [.. periods.OrderBy(p => p.From)];

    public IReadOnlyList<ConversionFactorPeriod> Periods { get; }

    public decimal? Find(DateOnly date)
    {
        foreach (var p in Periods)
        {
            if (p.From <= date && date <= p.Through)
            {
                return p.Factor;
            }
        }

        return null;
    }

    /// <summary>Reads the CSV; a bad row is refused naming the file, line and field (AUDIT-CONVERSION-FACTORS).</summary>
    public static ConversionFactorTable Read(TextReader reader, string fileName, string type = NonQualifyingApm)
    {
        var header = reader.ReadLine()?.Split(',');
        int Column(string name) => Array.IndexOf(header!, name) is var i and >= 0 ? i
            : throw new DomainException(AuditErrors.ConversionFactors, $"{fileName}: line 1 has no column '{name}'");
        if (header is null)
        {
            throw new DomainException(AuditErrors.ConversionFactors, $"{fileName}: empty file");
        }

        int start = Column("date_start"), end = Column("date_end"), kind = Column("cf_type"), factor = Column("conversion_factor");
        var periods = new List<ConversionFactorPeriod>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length <= Math.Max(Math.Max(start, end), Math.Max(kind, factor)))
            {
                throw new DomainException(AuditErrors.ConversionFactors, $"{fileName}: line {lineNumber} has {fields.Length} fields");
            }

            var from = Date(fields[start], "date_start");
            var through = Date(fields[end], "date_end");
            if (!decimal.TryParse(fields[factor], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cf) || cf <= 0)
            {
                throw new DomainException(AuditErrors.ConversionFactors, $"{fileName}: line {lineNumber}, conversion_factor {Echo.Quote(fields[factor])} is not a positive number");
            }

            if (fields[kind] == "single" || fields[kind] == type)
            {
                periods.Add(new ConversionFactorPeriod(from, through, fields[kind], cf));
            }

            DateOnly Date(string text, string field) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new DomainException(AuditErrors.ConversionFactors, $"{fileName}: line {lineNumber}, {field} {Echo.Quote(text)} is not a date like 2026-01-01");
        }

        var ordered = periods.OrderBy(p => p.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].Through)
            {
                throw new DomainException(AuditErrors.ConversionFactors, FormattableString.Invariant($"{fileName}: two {type} factors are in force on {ordered[i].From:yyyy-MM-dd}"));
            }
        }

        return new ConversionFactorTable(ordered);
    }
}

/// <summary>
/// <see cref="IAuditPricing"/> over imported PPRRVU releases (each in force over its
/// <see cref="CodeSetReleaseInfo"/> period; the latest effective one covering the date wins) and a
/// <see cref="ConversionFactorTable"/>. A line's payment modifier is the first of its modifiers that
/// has a row of its own for the code (26, TC, 53); otherwise the row without a modifier prices it.
/// </summary>
public sealed class RvuAuditPricing : IAuditPricing
{
    private readonly List<(CodeSetReleaseInfo Info, Dictionary<(string Code, string Modifier), decimal> Totals)> releases;
    private readonly ConversionFactorTable factors;

    public RvuAuditPricing(IEnumerable<RvuRelease> releases, ConversionFactorTable factors)
    {
        this.releases = [.. releases.OrderByDescending(r => r.Info.EffectiveDate).Select(r => (r.Info, Index(r)))];
        this.factors = factors;
    }

    public decimal? Rvu(ProcedureCode code, IReadOnlyList<Modifier> modifiers, DateOnly dateOfService)
    {
        foreach (var (info, totals) in releases)
        {
            if (!info.Covers(dateOfService))
            {
                continue;
            }

            foreach (var m in modifiers)
            {
                if (totals.TryGetValue((code.Value, m.Value), out var withModifier))
                {
                    return withModifier;
                }
            }

            return totals.TryGetValue((code.Value, string.Empty), out var total) ? total : null;
        }

        return null;
    }

    public decimal ConversionFactor(DateOnly dateOfService) => factors.Find(dateOfService)
        ?? throw new DomainException(AuditErrors.NotPriced, FormattableString.Invariant($"no conversion factor is in force on {dateOfService:yyyy-MM-dd}"));

    private static Dictionary<(string, string), decimal> Index(RvuRelease release)
    {
        var totals = new Dictionary<(string, string), decimal>();
        foreach (var e in release.Entries)
        {
            totals.TryAdd((e.Code, e.Modifier), e.WorkRvu + e.NonFacilityPracticeExpenseRvu + e.MalpracticeRvu);
        }

        return totals;
    }
}

/// <summary>
/// <see cref="IAuditPricing"/> from imported PPRRVU releases alone: the release the library has in
/// force on the date of service (<see cref="CodeSetLibrary.InForce"/>, as the edit engine finds it),
/// its RVUs as <see cref="RvuAuditPricing"/> reads them, and that release's own conversion factor
/// (its CONV FACTOR column, <see cref="RvuRelease.ConversionFactor"/>). The monthly package prices
/// its informational E/M revenue difference with it (docs/REPORTS.md).
/// </summary>
public sealed class RvuReleasePricing(CodeSetLibrary library) : IAuditPricing
{
    private readonly Dictionary<RvuRelease, RvuAuditPricing> indexed = [];

    /// <summary>The release whose RVUs price a date of service, or null when no imported release covers it.</summary>
    public RvuRelease? InForce(DateOnly dateOfService) => library.InForce(CodeSetKind.Rvu, dateOfService) as RvuRelease;

    public decimal? Rvu(ProcedureCode code, IReadOnlyList<Modifier> modifiers, DateOnly dateOfService)
    {
        if (InForce(dateOfService) is not { } release)
        {
            return null;
        }

        if (!indexed.TryGetValue(release, out var pricing))
        {
            pricing = indexed[release] = new RvuAuditPricing([release], new ConversionFactorTable([]));
        }

        return pricing.Rvu(code, modifiers, dateOfService);
    }

    public decimal ConversionFactor(DateOnly dateOfService) => InForce(dateOfService)?.ConversionFactor
        ?? throw new DomainException(AuditErrors.NotPriced, FormattableString.Invariant($"the RVU release in force on {dateOfService:yyyy-MM-dd} carries no conversion factor"));
}
