using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Reports;

/// <summary>One specialty's benchmark for one patient type: a share per level, in level order, with where it comes from.</summary>
/// <param name="Shares">One share per level of <see cref="EmLevels.Of"/>, as the file gives them (they sum to 1 ± 0.01).</param>
public sealed record EmBenchmark(Specialty Specialty, PatientType PatientType, IReadOnlyList<decimal> Shares, string DataYear, string Source)
{
    /// <summary>The shares scaled to sum to exactly 1, so expected counts add up to the visits.</summary>
    public IReadOnlyList<double> Normalized
    {
        get
        {
            var sum = (double)Shares.Sum();
            return [.. Shares.Select(s => (double)s / sum)];
        }
    }
}

/// <summary>
/// The E/M benchmark distributions by specialty and patient type. The shipped table
/// (Reports/em-benchmarks.csv, embedded) holds the figures of FACTS.md §8 with their source and data
/// year; a practice may replace it with its own file of the same columns (specialty, patient_type,
/// code, share, data_year, source), which is refused whole, naming the file, line and field, when
/// anything in it is wrong. Within a specialty and patient type every level must be listed once and
/// the shares must sum to 1 ± 0.01 (published tables are rounded, a share off by more is a typo).
/// </summary>
public sealed class EmBenchmarkTable
{
    public const decimal SumTolerance = 0.01m;
    private const string ShippedName = "em-benchmarks.csv";
    private static readonly string[] Columns = ["specialty", "patient_type", "code", "share", "data_year", "source"];
    private static readonly Lazy<EmBenchmarkTable> Shipped = new(LoadShipped);

    private readonly Dictionary<(Specialty, PatientType), EmBenchmark> byKey;

    private EmBenchmarkTable(string fileName, IEnumerable<EmBenchmark> benchmarks)
    {
        FileName = fileName;
        byKey = benchmarks.ToDictionary(b => (b.Specialty, b.PatientType));
    }

    /// <summary>The table CodeLedger ships (FACTS.md §8).</summary>
    public static EmBenchmarkTable Default => Shipped.Value;

    /// <summary>The file the table was read from, named in the report beside each benchmark.</summary>
    public string FileName { get; }

    public IEnumerable<EmBenchmark> All => byKey.Values.OrderBy(b => b.Specialty.Value, StringComparer.Ordinal).ThenBy(b => b.PatientType);

    public EmBenchmark? Find(Specialty specialty, PatientType type) => byKey.GetValueOrDefault((specialty, type));

    /// <summary>Reads a benchmark file; anything wrong is refused with REPORT-BENCHMARKS naming the file, line and field.</summary>
    public static EmBenchmarkTable Read(TextReader reader, string fileName)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            throw Bad($"{fileName}: the file is empty; line 1 must be the header {string.Join(',', Columns)}");
        }

        var names = ReportCsv.Split(header.TrimStart('\uFEFF'), out _)?.Select(n => n.Trim().ToLowerInvariant()).ToList() ?? [];
        foreach (var column in Columns)
        {
            if (!names.Contains(column))
            {
                throw Bad($"{fileName}: line 1 has no column '{column}' (expected {string.Join(',', Columns)})");
            }
        }

        int Col(string name) => names.IndexOf(name);
        var rows = new Dictionary<(Specialty, PatientType), SortedDictionary<int, (decimal Share, string Year, string Source, int Line)>>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = ReportCsv.Split(line, out var csvError) ?? throw Bad($"{fileName}: line {lineNumber}: {csvError}");
            if (fields.Count != names.Count)
            {
                throw Bad($"{fileName}: line {lineNumber} has {fields.Count} fields; the header has {names.Count}");
            }

            string Field(string name) => fields[Col(name)].Trim();

            // "family medicine" (the spelling of CMS tables) and family-medicine name the same specialty.
            var specialtyText = Field("specialty").Replace(' ', '-');
            if (!Specialty.TryParse(specialtyText, out var specialty, out var specialtyError))
            {
                throw Bad($"{fileName}: line {lineNumber}, specialty: {specialtyError}");
            }

            PatientType type = Field("patient_type").ToLowerInvariant() switch
            {
                "new" => PatientType.New,
                "established" => PatientType.Established,
                _ => throw Bad($"{fileName}: line {lineNumber}, patient_type {Echo.Quote(Field("patient_type"))} is not new or established"),
            };

            var code = Field("code");
            if (code == EmLevels.Deleted99201)
            {
                throw Bad($"{fileName}: line {lineNumber}, code 99201 was deleted on 2021-01-01: leave it out and give the shares of 99202–99205 (they must sum to 1)");
            }

            var levels = EmLevels.Of(type);
            var index = levels.ToList().IndexOf(code);
            if (index < 0)
            {
                throw Bad($"{fileName}: line {lineNumber}, code {Echo.Quote(code)} is not a {EmLevels.Token(type)}-patient office E/M level ({string.Join(", ", levels)})");
            }

            if (!decimal.TryParse(Field("share"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) || share > 1m)
            {
                throw Bad($"{fileName}: line {lineNumber}, share {Echo.Quote(Field("share"))} is not a fraction between 0 and 1 (write 0.4318, not 43.18%)");
            }

            var year = Field("data_year");
            var source = Field("source");
            if (year.Length == 0 || source.Length == 0)
            {
                throw Bad($"{fileName}: line {lineNumber}, {(year.Length == 0 ? "data_year" : "source")} is empty: a benchmark is only read with its source and year");
            }

            var group = rows.TryGetValue((specialty, type), out var g) ? g : rows[(specialty, type)] = [];
            if (group.TryGetValue(index, out var first))
            {
                throw Bad($"{fileName}: line {lineNumber}, code {code} for {specialty} {EmLevels.Token(type)} patients is already on line {first.Line}");
            }

            group[index] = (share, year, source, lineNumber);
        }

        var benchmarks = new List<EmBenchmark>();
        foreach (var ((specialty, type), group) in rows)
        {
            var levels = EmLevels.Of(type);
            var missing = levels.Where((_, i) => !group.ContainsKey(i)).ToList();
            if (missing.Count > 0)
            {
                throw Bad($"{fileName}: {specialty} {EmLevels.Token(type)} patients (lines {group.Values.Min(v => v.Line)}–{group.Values.Max(v => v.Line)}) have no share for {string.Join(", ", missing)}; list every level, 0 where none");
            }

            var sum = group.Values.Sum(v => v.Share);
            if (Math.Abs(sum - 1m) > SumTolerance)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture,
                    $"{fileName}: {specialty} {EmLevels.Token(type)} patients (lines {group.Values.Min(v => v.Line)}–{group.Values.Max(v => v.Line)}): the shares sum to {sum}, not 1 ± {SumTolerance}"));
            }

            var firstRow = group[0];
            benchmarks.Add(new EmBenchmark(specialty, type, [.. group.Values.Select(v => v.Share)], firstRow.Year, firstRow.Source));
        }

        return new EmBenchmarkTable(fileName, benchmarks);
    }

    private static EmBenchmarkTable LoadShipped()
    {
        using var stream = typeof(EmBenchmarkTable).Assembly.GetManifestResourceStream("CodeLedger.Core.Reports." + ShippedName)
            ?? throw new InvalidOperationException("the shipped E/M benchmark table is not embedded");
        using var reader = new StreamReader(stream);
        return Read(reader, ShippedName);
    }

    private static DomainException Bad(string message) => new(ReportErrors.Benchmarks, message);
}
