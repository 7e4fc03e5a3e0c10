using System.Text;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Reports.Package;

public sealed class CsvTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Expected(PackageTable table) =>
        [table.Columns, .. table.Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Csv).ToList())];

    [Fact]
    public void A_table_read_back_from_its_csv_is_the_table_with_commas_quotes_and_newlines_kept()
    {
        var table = new PackageTable("t", "T", ["Name", "Note, with comma", "Count"],
        [
            [Cell.Of("O'Brien, \"Pat\""), Cell.Of("line one\nline two\r\nthree"), Cell.Of(1234)],
            [Cell.Of(""), Cell.Of("\"quoted\""), Cell.Of(-5)],
        ]);

        var text = Encoding.UTF8.GetString(Csv.Write(table));

        Assert.Equal(Expected(table), Csv.Parse(text));
        Assert.StartsWith("Name,\"Note, with comma\",Count\r\n\"O'Brien, \"\"Pat\"\"\",", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_files_are_utf8_without_a_byte_order_mark()
    {
        var bytes = Csv.Write(new PackageTable("t", "T", ["Médecin"], [[Cell.Of("Zoë")]]));

        Assert.Equal("Médecin\r\nZoë\r\n", Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Any_text_survives_the_trip_through_csv()
    {
        var text = Gen.Elements("a", "b", ",", "\"", "\r", "\n", "\r\n", " ", "é", "x y").ListOf().Select(parts => string.Concat(parts));
        var rows = Gen.Zip(text, text).ListOf().Select(list => list.ToList());

        Properties.ForAll(rows, pairs =>
        {
            var table = new PackageTable("t", "T", ["a", "b"], pairs.Select(p => (IReadOnlyList<Cell>)[Cell.Of(p.Item1), Cell.Of(p.Item2)]).ToList());

            Assert.Equal(Expected(table), Csv.Parse(Encoding.UTF8.GetString(Csv.Write(table))));
        });
    }

    [Fact]
    public void Csv_cells_are_plain_numbers_and_page_cells_read_for_people()
    {
        Cell[] cells = [Cell.Of(1234567), new Cell.MoneyCell(-1234.505m), new Cell.PercentageCell(0.95349m, 1), new Cell.DecimalCell(2.5m, 2), new Cell.DateCell(new DateOnly(2026, 3, 1))];

        Assert.Equal(["1234567", "-1234.51", "95.3%", "2.50", "2026-03-01"], cells.Select(c => c.Csv));
        Assert.Equal(["1,234,567", "-$1,234.51", "95.3%", "2.50", "2026-03-01"], cells.Select(c => c.Display));
    }
}
