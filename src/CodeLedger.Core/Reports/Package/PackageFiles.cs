namespace CodeLedger.Core.Reports.Package;

/// <summary>The package's file names: fixed ones, and one CSV per table named from its section and table ids.</summary>
public static class PackageFiles
{
    public const string Index = "index.html";
    public const string Figures = "package.json";
    public const string Manifest = "manifest.json";
    public const string Checkpoint = "checkpoint.json";

    /// <summary><c>{section}.csv</c> when the table's id is the section's, else <c>{section}-{table}.csv</c>.</summary>
    public static string CsvName(PackageSection section, PackageTable table) =>
        table.Id == section.Id ? section.Id + ".csv" : section.Id + "-" + table.Id + ".csv";
}
