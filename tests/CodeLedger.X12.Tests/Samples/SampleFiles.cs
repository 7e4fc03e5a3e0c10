using System.Globalization;
using System.Text;
using CodeLedger.Testing;

namespace CodeLedger.X12.Tests.Samples;

/// <summary>The public sample files in ../shared/data/x12-samples, as listed in INVENTORY.tsv.</summary>
internal static class SampleFiles
{
    public static string Path(string relative) => RepoPaths.Data(relative.Split('/'));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    public static IEnumerable<string[]> Inventory() =>
        File.ReadAllLines(RepoPaths.Data("x12-samples", "INVENTORY.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'));

    /// <summary>Every 005010 837P or 835 file (paths relative to ../shared/data).</summary>
    public static TheoryData<string> Files5010()
    {
        var data = new TheoryData<string>();
        foreach (var row in Inventory())
        {
            if (row[0].StartsWith("x12-samples/4010-legacy", StringComparison.Ordinal) || row[2] == "ST=999" || row[0].EndsWith("UnicodeExample.txt", StringComparison.Ordinal)
                || row[0].EndsWith("x12_no_isa_line.txt", StringComparison.Ordinal) || row[0].EndsWith("x223-test.txt", StringComparison.Ordinal)
                || row[0].EndsWith("835/oopfactory/Example1.txt", StringComparison.Ordinal))
            {
                continue;
            }

            data.Add(row[0]);
        }

        return data;
    }

    public static TheoryData<string> Legacy4010()
    {
        var data = new TheoryData<string>();
        foreach (var row in Inventory().Where(r => r[0].StartsWith("x12-samples/4010-legacy", StringComparison.Ordinal)))
        {
            data.Add(row[0]);
        }

        return data;
    }

    public static TheoryData<string> Small(int maxBytes)
    {
        var data = new TheoryData<string>();
        foreach (var row in Inventory())
        {
            if (new FileInfo(Path(row[0])).Length <= maxBytes)
            {
                data.Add(row[0]);
            }
        }

        return data;
    }

    /// <summary>
    /// An independent count: decode the text, take the terminator from the ISA by plain string
    /// splitting, cut the file into segments and add up CLM/CLP elements with decimal.Parse.
    /// </summary>
    public static (int Claims, decimal Charge, decimal Paid) CountByHand(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimStart();
        var element = text[3];
        var isaElements = text.Split(element, 17);
        var terminator = isaElements[16][1];
        var claims = 0;
        decimal charge = 0, paid = 0;
        foreach (var raw in text.Split(terminator))
        {
            var fields = raw.Trim().Split(element);
            if (fields[0] == "CLM")
            {
                claims++;
                charge += decimal.Parse(fields[2], CultureInfo.InvariantCulture);
            }
            else if (fields[0] == "CLP")
            {
                claims++;
                charge += decimal.Parse(fields[3], CultureInfo.InvariantCulture);
                paid += decimal.Parse(fields[4], CultureInfo.InvariantCulture);
            }
        }

        return (claims, charge, paid);
    }
}
