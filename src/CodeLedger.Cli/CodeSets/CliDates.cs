using System.Globalization;

namespace CodeLedger.Cli.CodeSets;

internal static class CliDates
{
    public static DateOnly Parse(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliException($"{option} '{text}' is not a date YYYY-MM-DD");

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open";

    /// <summary>Who a CLI change is recorded as in the ledger.</summary>
    public static string Actor => "cli:" + Environment.UserName;
}
