using System.Text.Json;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Writing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Claims;

/// <summary>An encounter as the vendor bills it: its key, date of service, physician's NPI, and the coding (diagnoses, lines) in the stored JSON shape.</summary>
internal sealed record BilledEncounter(string Key, DateOnly DateOfService, string Npi, string[] Diagnoses, BilledLine[] Lines);

internal sealed record BilledLine(string Code, string[] Modifiers, decimal Units, string Charge, int[] Pointers);

/// <summary>837P files a vendor would send for encounters of a database, written with the project's own X12 writer.</summary>
internal static class VendorClaimFiles
{
    /// <summary>Names the tests put in NM1/DMG, to prove none of them is ever printed or ledgered.</summary>
    public const string PatientFamily = "QUINTANILLA";

    public const string MemberId = "MBRSECRET77";

    /// <summary>The final CodeLedger coding of each finalized encounter of the practice, in key order: what the vendor coded.</summary>
    public static List<BilledEncounter> FinalCodings(string db, string practiceCode)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.external_id, e.date_of_service, p.npi, c.diagnoses, c.service_lines
            FROM encounters e JOIN organizations o ON o.id = e.practice_id JOIN physicians p ON p.id = e.physician_id
            JOIN work_items w ON w.encounter_id = e.id JOIN coding_results c ON c.encounter_id = e.id AND c.version = w.final_coding_version
            WHERE o.code = $practice ORDER BY e.external_id
            """;
        command.Parameters.AddWithValue("$practice", practiceCode);
        var list = new List<BilledEncounter>();
        using var reader = command.ExecuteReader();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        while (reader.Read())
        {
            list.Add(new BilledEncounter(reader.GetString(0), DateOnly.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2),
                JsonSerializer.Deserialize<string[]>(reader.GetString(3))!, JsonSerializer.Deserialize<BilledLine[]>(reader.GetString(4), options)!));
        }

        return list;
    }

    /// <summary>One interchange, one group, one transaction set (ST 0001) with a claim per encounter.</summary>
    public static byte[] Write(IEnumerable<BilledEncounter> encounters, string interchangeControl = "000000101")
    {
        var isa = new X12InterchangeHeader("00", "", "00", "", "ZZ", "ACMECODING", "ZZ", "PRACTICE", "261014", "0930", "00501", interchangeControl, false, "P");
        var gs = new X12GroupHeader("HC", "ACMECODING", "PRACTICE", "20261014", "0930", "101", Claim837Writer.Guide);
        var header = new Transaction837Header("0001", "00", "BATCH101", "20261014", "0930", "CH",
            new X12Name("41", "2", "ACME CODING", IdQualifier: "46", Id: "ACME01"), "EDI DESK", "5555550100",
            new X12Name("40", "2", "PAYER ONE", IdQualifier: "46", Id: "PAYER01"));
        var payer = new X12Name("PR", "2", "PAYER ONE", IdQualifier: "PI", Id: "PAYER01");
        var subscriber = new Subscriber837("P", "18", "GRP9", "CI", new X12Name("IL", "1", PatientFamily, "ROSA", null, null, "MI", MemberId),
            new X12Address("5 ELM ST", null, "SPRINGFIELD", "IL", "62702"), new DateOnly(1961, 2, 3), "F", payer);
        var claims = encounters.Select(e =>
        {
            var billing = new BillingProvider837(new X12Name("85", "2", "THE PRACTICE", IdQualifier: "XX", Id: e.Npi),
                new X12Address("1 MAIN ST", null, "SPRINGFIELD", "IL", "627010000"), "EI", "371234567");
            var rendering = new X12Name("82", "1", "DOCTOR", "ANNA", IdQualifier: "XX", Id: e.Npi);
            var lines = e.Lines.Select((l, i) => new ServiceLine837(i + 1, "HC", l.Code, l.Modifiers, null, decimal.Parse(l.Charge, System.Globalization.CultureInfo.InvariantCulture),
                "UN", l.Units, null, l.Pointers, e.DateOfService, null)).ToArray();
            return new Claim837(billing, subscriber, null, e.Key, lines.Sum(l => l.Charge), "11", "1", "Y", "A", "Y", "Y", null, null,
                e.Diagnoses.Select((d, i) => new Diagnosis837(i == 0 ? "ABK" : "ABF", d)).ToArray(), null, rendering, lines);
        }).ToArray();
        return Claim837Writer.Write(new Claim837Interchange(isa, gs, [new Transaction837(header, claims)]));
    }
}
