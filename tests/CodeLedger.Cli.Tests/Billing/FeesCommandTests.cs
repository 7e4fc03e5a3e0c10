using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using System.Globalization;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// <c>fees import</c> and <c>fees list</c> on a demo database (docs/BILLING.md): a version of the
/// practice's chargemaster is stored whole with its <c>fees.imported</c> event or not at all; the
/// same file again changes nothing; only the practice's own admin imports; replay rebuilds it and
/// an edited charge is named by <c>ledger verify</c>.
/// </summary>
public sealed class FeesCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string Practice = "NORTHSIDE-FM";
    private const string Fees = "code,modifier,charge\n99212,,85.00\n99213,,125.00\n99214,,180.00\n99215,,250.00\n93000,,45.50\n93000,26,20.00\n";

    private static CliRun Import(string db, string file, string user = "pa-north", string practice = Practice, string? effective = "2026-01-01")
    {
        string[] args = ["fees", "import", file, "--practice", practice, "--as", user, "--db", db];
        return CliRun.Of(effective is null ? args : [.. args, "--effective", effective]);
    }

    private static string Write(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_imported_schedule_is_listed_fee_by_fee_ledgered_by_its_admin_and_replays_to_the_stored_row()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);

        var run = Import(db, Write(folder, "north-2026.csv", Fees));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("6 fees for practice NORTHSIDE-FM, effective 2026-01-01", run.Out, StringComparison.Ordinal);
        var list = CliRun.Of("fees", "list", "--practice", Practice, "--as", "pa-north", "--db", db);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("effective 2026-01-01: 6 fees from north-2026.csv", list.Out, StringComparison.Ordinal);
        Assert.Matches(@"93000-26\s+20\.00", list.Out);
        Assert.Matches(@"99213\s+125\.00", list.Out);
        Assert.Equal(["pa-north|NORTHSIDE-FM"], Query(db, "SELECT actor, subject FROM ledger_events WHERE type = 'fees.imported'"));
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_again_changes_nothing_and_says_so_even_on_a_later_day()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = Write(folder, "fees.csv", Fees);
        Assert.Equal(0, Import(db, file).ExitCode);
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var again = Import(db, file);
        var later = Import(db, file, effective: "2026-03-01");

        Assert.True(again.ExitCode == 0 && later.ExitCode == 0, again + "\n" + later);
        Assert.Contains("nothing changed", again.Out, StringComparison.Ordinal);
        Assert.Contains("in force on 2026-03-01 (effective 2026-01-01) is already this file", later.Out, StringComparison.Ordinal);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM fee_schedules"));
    }

    [Fact]
    public void A_new_price_list_is_a_new_version_from_its_date_and_never_rewrites_the_day_of_another()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Assert.Equal(0, Import(db, Write(folder, "jan.csv", Fees)).ExitCode);
        var july = Write(folder, "jul.csv", Fees.Replace("99213,,125.00", "99213,,130.00", StringComparison.Ordinal));

        var sameDay = Import(db, july);
        var later = Import(db, july, effective: "2026-07-01");

        Assert.Equal(1, sameDay.ExitCode);
        Assert.Contains("BILLING-FEES-EFFECTIVE-TAKEN", sameDay.Error, StringComparison.Ordinal);
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Equal(["2026-07-01|jul.csv", "2026-01-01|jan.csv"], Query(db, "SELECT effective_on, file_name FROM fee_schedules ORDER BY effective_on DESC"));
        var list = CliRun.Of("fees", "list", "--practice", Practice, "--as", "pa-north", "--json", "--db", db);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.True(list.Out.IndexOf("2026-07-01", StringComparison.Ordinal) < list.Out.IndexOf("2026-01-01", StringComparison.Ordinal), list.Out);
    }

    [Fact]
    public void A_truncated_file_is_refused_whole_naming_its_line_and_nothing_is_stored()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var cut = Fees[..(Fees.Length - "26,20.00\n".Length)];

        var run = Import(db, Write(folder, "cut.csv", cut));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BILLING-FEES-UNREADABLE", run.Error, StringComparison.Ordinal);
        Assert.Contains("cut.csv line 7: 2 field(s), expected 3", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM fee_schedules"));
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Fact]
    public void A_bad_charge_refuses_the_file_naming_line_and_field()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);

        var run = Import(db, Write(folder, "bad.csv", Fees.Replace("99214,,180.00", "99214,,18O.00", StringComparison.Ordinal)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv line 4, field 'charge'", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM fee_schedules"));
    }

    [Fact]
    public void Another_practices_admin_is_told_there_is_no_such_practice_and_an_auditor_may_not_import()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = Write(folder, "fees.csv", Fees);

        var stranger = Import(db, file, user: "pa-heart");
        var auditor = Import(db, file, user: "aud-north");
        var strangerList = CliRun.Of("fees", "list", "--practice", Practice, "--as", "pa-heart", "--db", db);

        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("ORG-UNKNOWN: no practice with code 'NORTHSIDE-FM'", stranger.Error, StringComparison.Ordinal);
        Assert.Equal(1, auditor.ExitCode);
        Assert.Contains("ACCESS-ROLE-REFUSED", auditor.Error, StringComparison.Ordinal);
        Assert.Equal(1, strangerList.ExitCode);
        Assert.Contains("ORG-UNKNOWN", strangerList.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM fee_schedules"));
    }

    [Fact]
    public void A_second_practices_schedule_is_its_own_and_not_listed_for_the_first()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Assert.Equal(0, Import(db, Write(folder, "north.csv", Fees)).ExitCode);

        var heart = Import(db, Write(folder, "heart.csv", "code,modifier,charge\n93306,,400.00\n"), user: "pa-heart", practice: "HEARTWELL-CARDIO");
        var north = CliRun.Of("fees", "list", "--practice", Practice, "--as", "pa-north", "--db", db);

        Assert.True(heart.ExitCode == 0, heart.ToString());
        Assert.Contains("north.csv", north.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("heart.csv", north.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("93306", north.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_charge_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Assert.Equal(0, Import(db, Write(folder, "fees.csv", Fees)).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE fee_schedules SET entries = replace(entries, '125.00', '126.00')";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("STATE-DIVERGES: fee_schedules row for fee schedule of NORTHSIDE-FM effective 2026-01-01", verify.Out + verify.Error, StringComparison.Ordinal);
        Assert.Contains("99213=126.00", verify.Out + verify.Error, StringComparison.Ordinal);
    }
}
