namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// One default demo (2,000 encounters, seed 2026, 2026-10) for the test classes that read it
/// (<see cref="DemoAuditTests"/>, <see cref="DemoBillingTests"/>): it is the slowest thing the
/// suite builds, so it is built once, on first use. Tests that change a database copy it first.
/// </summary>
internal static class DefaultDemo
{
    public static readonly Lazy<(CliRun Run, string Db, TempFolder Folder)> Value = new(() =>
    {
        var folder = new TempFolder();
        var db = folder.File("demo.db");
        return (CliRun.Of("demo", "--db", db), db, folder);
    });
}
