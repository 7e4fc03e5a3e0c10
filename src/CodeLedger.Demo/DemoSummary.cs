using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Ledger;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's summary per practice and physician, computed from the database (not from the
/// generator), so what it prints is what was stored.
/// </summary>
public sealed record DemoSummary(string Text, string Json)
{
    private sealed record PhysicianRow(string Name, string Npi, int Encounters, int Saturday, int SameDay, int NextDay, int Later, double MedianLagHours);

    public static async Task<DemoSummary> ComputeAsync(CodeLedgerStore store, DemoWorld world, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var rows = await db.Encounters.AsNoTracking()
            .Select(e => new { e.PracticeId, e.PhysicianId, e.DateOfService, e.DocumentationCompletedAt })
            .ToListAsync(ct);
        var coders = await db.Coders.CountAsync(ct);

        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"CodeLedger demo: {rows.Count:N0} encounters in {world.Month:yyyy-MM}\n");
        text.Append(inv, $"Vendor: {world.Vendor.Name} ({world.Vendor.Code}), {coders} coders\n");
        var jsonPractices = new List<object>();
        foreach (var p in world.Practices)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(p.TimeZoneId);
            var c = p.Contract;
            text.Append(inv, $"\n{p.Practice.Name} ({p.Practice.Code}), {p.Physicians[0].Specialty}, {p.TimeZoneId}\n");
            text.Append(inv, $"  BAA signed {p.Baa.SignedOn:yyyy-MM-dd}, in force {p.Baa.EffectiveOn:yyyy-MM-dd} to {p.Baa.ExpiresOn:yyyy-MM-dd}\n");
            text.Append(inv, $"  SLA: {c.TurnaroundTargetHours} {(c.Clock == Core.Contracts.TurnaroundClockKind.BusinessHours ? "business" : "calendar")} hours, accuracy floor {c.AccuracyFloorPercent}%, query window {c.QueryResponseWindowHours} h, monthly fee {c.MonthlyFee}\n");
            text.Append(inv, $"  {"Physician",-20} {"NPI",-10} {"Encounters",10} {"Sat",5} {"Signed same day",16} {"next day",9} {"later",6} {"Median lag h",13}\n");
            var physicians = new List<PhysicianRow>();
            foreach (var ph in p.Physicians)
            {
                var mine = rows.Where(r => r.PhysicianId == ph.Id).ToList();
                var lagDays = mine.Select(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.DocumentationCompletedAt, zone).DateTime).DayNumber - r.DateOfService.DayNumber).ToList();
                var lagHours = mine.Select(r => (r.DocumentationCompletedAt - new DateTimeOffset(r.DateOfService.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(r.DateOfService.ToDateTime(TimeOnly.MinValue)))).TotalHours).Order().ToList();
                var row = new PhysicianRow(ph.Name, ph.Npi.Value, mine.Count, mine.Count(r => r.DateOfService.DayOfWeek == DayOfWeek.Saturday),
                    lagDays.Count(d => d <= 0), lagDays.Count(d => d == 1), lagDays.Count(d => d >= 2),
                    lagHours.Count == 0 ? 0 : Math.Round(lagHours[lagHours.Count / 2], 1));
                physicians.Add(row);
                text.Append(inv, $"  {row.Name,-20} {row.Npi,-10} {row.Encounters,10:N0} {row.Saturday,5} {Percent(row.SameDay, row.Encounters),16} {Percent(row.NextDay, row.Encounters),9} {Percent(row.Later, row.Encounters),6} {row.MedianLagHours,13:0.0}\n");
            }

            var total = physicians.Sum(r => r.Encounters);
            text.Append(inv, $"  {"Practice total",-31} {total,10:N0} {physicians.Sum(r => r.Saturday),5} {Percent(physicians.Sum(r => r.SameDay), total),16} {Percent(physicians.Sum(r => r.NextDay), total),9} {Percent(physicians.Sum(r => r.Later), total),6}\n");
            jsonPractices.Add(new
            {
                code = p.Practice.Code, name = p.Practice.Name, specialty = p.Physicians[0].Specialty.Value, encounters = total,
                physicians = physicians.Select(r => new { name = r.Name, npi = r.Npi, encounters = r.Encounters, saturday = r.Saturday, signedSameDay = r.SameDay, signedNextDay = r.NextDay, signedLater = r.Later, medianLagHours = r.MedianLagHours }),
            });
        }

        var json = JsonSerializer.Serialize(new { month = world.Month.ToString("yyyy-MM", inv), encounters = rows.Count, vendor = world.Vendor.Code, coders, practices = jsonPractices }, LedgerEvents.Options);
        return new DemoSummary(text.ToString(), json);
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
