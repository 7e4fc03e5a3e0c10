namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// A chart of a section. Every chart has a title, a description (the SVG's <c>&lt;desc&gt;</c>, read
/// by screen readers) and axis labels; its values are shown in a table beside it too
/// (<see cref="DataTable"/>), so nothing is only in the picture. Values carry <see cref="Places"/>
/// decimal places wherever they are printed.
/// </summary>
public abstract record Chart
{
    private protected Chart(string id, string title, string description, string xAxisLabel, string yAxisLabel, int places)
    {
        Ids.Require(id, nameof(id));
        Ids.RequireText(title, nameof(title));
        Ids.RequireText(description, nameof(description));
        Ids.RequireText(xAxisLabel, nameof(xAxisLabel));
        Ids.RequireText(yAxisLabel, nameof(yAxisLabel));
        ArgumentOutOfRangeException.ThrowIfNegative(places);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(places, 4);
        Id = id;
        Title = title;
        Description = description;
        XAxisLabel = xAxisLabel;
        YAxisLabel = yAxisLabel;
        Places = places;
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    public string XAxisLabel { get; }

    public string YAxisLabel { get; }

    public int Places { get; }

    /// <summary>The chart's values as a table (columns, rows), printed next to the chart.</summary>
    public abstract PackageTable DataTable { get; }

    private protected static void RequireValues(IEnumerable<decimal> values, string parameter)
    {
        if (values.Any(v => v < 0))
        {
            throw new ArgumentException("a bar chart's values are zero or more (its axis starts at zero)", parameter);
        }
    }
}

/// <summary>One series of a grouped bar chart (a physician's shares, the benchmark's), one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>Bars grouped by category, one bar per series in each group (E/M level × physician and benchmark).</summary>
public sealed record GroupedBarChart : Chart
{
    public GroupedBarChart(string id, string title, string description, string xAxisLabel, string yAxisLabel, int places,
        IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
        : base(id, title, description, xAxisLabel, yAxisLabel, places)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (categories.Count == 0 || series.Count == 0)
        {
            throw new ArgumentException($"chart '{id}' has no categories or no series", nameof(series));
        }

        if (series.Count > SvgChartRenderer.Fills.Length)
        {
            throw new ArgumentException($"chart '{id}' has {series.Count} series; at most {SvgChartRenderer.Fills.Length} can be told apart by pattern", nameof(series));
        }

        foreach (var s in series)
        {
            Ids.RequireText(s.Name, nameof(series));
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"chart '{id}' series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories", nameof(series));
            }

            RequireValues(s.Values, nameof(series));
        }

        Categories = categories;
        Series = series;
    }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<ChartSeries> Series { get; }

    public override PackageTable DataTable =>
        new(Id + "-data", Title, [XAxisLabel, .. Series.Select(s => s.Name)],
            Categories.Select((c, i) => (IReadOnlyList<Cell>)[Cell.Of(c), .. Series.Select(s => new Cell.DecimalCell(s.Values[i], Places))]).ToList());
}

/// <summary>One bin of a histogram: its label ("24–48 h") and how many fall in it.</summary>
public sealed record HistogramBin(string Label, long Count);

/// <summary>Counts per bin, bars touching, in the order given (the bins' own order).</summary>
public sealed record Histogram : Chart
{
    public Histogram(string id, string title, string description, string xAxisLabel, string yAxisLabel, IReadOnlyList<HistogramBin> bins)
        : base(id, title, description, xAxisLabel, yAxisLabel, 0)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.Count == 0 || bins.Any(b => b.Count < 0 || string.IsNullOrWhiteSpace(b.Label)))
        {
            throw new ArgumentException($"histogram '{id}' needs bins with labels and counts of zero or more", nameof(bins));
        }

        Bins = bins;
    }

    public IReadOnlyList<HistogramBin> Bins { get; }

    public override PackageTable DataTable =>
        new(Id + "-data", Title, [XAxisLabel, YAxisLabel], Bins.Select(b => (IReadOnlyList<Cell>)[Cell.Of(b.Label), Cell.Of(b.Count)]).ToList());
}

/// <summary>One cause of a Pareto chart (a CARC) and its size (dollars or count).</summary>
public sealed record ParetoItem(string Label, decimal Value);

/// <summary>
/// Causes as bars from largest to smallest with the cumulative share as a line: the few causes
/// that make most of the total stand out. Items are sorted here (value descending, then label), so
/// the same causes give the same chart whatever order they came in.
/// </summary>
public sealed record ParetoChart : Chart
{
    public ParetoChart(string id, string title, string description, string xAxisLabel, string yAxisLabel, int places, IReadOnlyList<ParetoItem> items)
        : base(id, title, description, xAxisLabel, yAxisLabel, places)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Label)))
        {
            throw new ArgumentException($"Pareto chart '{id}' needs labelled items", nameof(items));
        }

        RequireValues(items.Select(i => i.Value), nameof(items));
        Items = [.. items.OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal)];
        var total = Items.Sum(i => i.Value);
        var running = 0m;
        Cumulative = [.. Items.Select(i => total == 0 ? 0m : (running += i.Value) / total)];
    }

    public IReadOnlyList<ParetoItem> Items { get; }

    /// <summary>The running share of the total after each item, 0 to 1.</summary>
    public IReadOnlyList<decimal> Cumulative { get; }

    public override PackageTable DataTable =>
        new(Id + "-data", Title, [XAxisLabel, YAxisLabel, "Cumulative share"],
            Items.Select((item, i) => (IReadOnlyList<Cell>)[Cell.Of(item.Label), new Cell.DecimalCell(item.Value, Places), new Cell.PercentageCell(Cumulative[i], 1)]).ToList());
}

/// <summary>
/// The same grouped bar chart once per physician, on one shared scale, so panels compare by eye.
/// Every panel has the same categories and series names.
/// </summary>
public sealed record SmallMultiples : Chart
{
    public SmallMultiples(string id, string title, string description, string xAxisLabel, string yAxisLabel, int places, IReadOnlyList<GroupedBarChart> panels)
        : base(id, title, description, xAxisLabel, yAxisLabel, places)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException($"small multiples '{id}' have no panels", nameof(panels));
        }

        var first = panels[0];
        if (panels.Any(p => !p.Categories.SequenceEqual(first.Categories, StringComparer.Ordinal) || !p.Series.Select(s => s.Name).SequenceEqual(first.Series.Select(s => s.Name), StringComparer.Ordinal)))
        {
            throw new ArgumentException($"small multiples '{id}': every panel has the same categories and series", nameof(panels));
        }

        Ids.RequireUnique(panels.Select(p => p.Id), "panel", nameof(panels));
        Panels = panels;
    }

    public IReadOnlyList<GroupedBarChart> Panels { get; }

    public override PackageTable DataTable =>
        new(Id + "-data", Title, ["Panel", XAxisLabel, .. Panels[0].Series.Select(s => s.Name)],
            Panels.SelectMany(p => p.Categories.Select((c, i) => (IReadOnlyList<Cell>)[Cell.Of(p.Title), Cell.Of(c), .. p.Series.Select(s => new Cell.DecimalCell(s.Values[i], Places))])).ToList());
}
