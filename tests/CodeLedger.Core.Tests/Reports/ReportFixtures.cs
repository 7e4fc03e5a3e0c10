using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Tests.Audits;

namespace CodeLedger.Core.Tests.Reports;

/// <summary>Physicians, encounters, queries and a contract the report tests write by hand.</summary>
internal static class ReportFixtures
{
    public static readonly SlaMonth March = SlaMonth.Parse("2026-03");

    public static ReportPhysician Physician(int n, string? specialty = "family-medicine") =>
        new(AuditFixtures.Npi(n), $"Dr. Physician {n}", specialty is null ? null : Specialty.Parse(specialty));

    /// <summary>A 24-hour calendar-clock contract in UTC: 95% within target, 2% of a 10,000.00 fee per point, capped at 20%, 72-hour query window.</summary>
    public static SlaContract Contract(DateOnly? effective = null, int targetHours = 24) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), effective ?? new DateOnly(2025, 1, 1), targetHours, TurnaroundClockKind.CalendarHours, "UTC",
            WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, openQueryPausesClock: false, correctedDocumentationRestartsClock: false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("10000.00"), remediationAfterConsecutiveBreachMonths: 3);

    private static int next;

    public static ReportEncounter Encounter(ReportPhysician physician, DateOnly finalizedOn, string? em = null, double? hours = null, DateOnly? dos = null,
        string[]? diagnoses = null, string[]? procedures = null, Guid? coder = null)
    {
        var id = Interlocked.Increment(ref next);
        var stop = new DateTimeOffset(finalizedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var sample = hours is { } h ? new TurnaroundSample($"ENC-{id:D6}", stop.AddHours(-h), stop, TimeSpan.FromHours(h)) : null;
        return new ReportEncounter(new Guid(id, 0, 0, new byte[8]), physician, dos ?? finalizedOn, finalizedOn, em, diagnoses ?? [],
            procedures ?? (em is null ? [] : [em]), coder, sample);
    }

    /// <summary>Encounters with these E/M codes, <paramref name="counts"/>[i] of <paramref name="codes"/>[i], finalized on one day.</summary>
    public static IEnumerable<ReportEncounter> Visits(ReportPhysician physician, DateOnly day, IReadOnlyList<string> codes, params int[] counts) =>
        codes.SelectMany((code, i) => Enumerable.Range(0, counts[i]).Select(_ => Encounter(physician, day, code)));

    public static ReportQuery Query(ReportPhysician physician, QueryCategory category, DateTimeOffset raised, QueryStatus status, double? answeredAfterHours = null, int windowHours = 72) =>
        new(Guid.NewGuid(), physician, category, raised, raised.AddHours(windowHours), status,
            status == QueryStatus.Answered ? raised.AddHours(answeredAfterHours!.Value) : status == QueryStatus.Unresolved ? raised.AddHours(windowHours) : null);

    public static DateTimeOffset Utc(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static EmBenchmarkTable Table(string csv) => EmBenchmarkTable.Read(new StringReader(csv), "test-benchmarks.csv");

    public static MonthlyInput Input(IReadOnlyList<ReportEncounter> encounters, IReadOnlyList<ReportQuery>? queries = null, SlaContract? contract = null,
        Core.Audits.AuditReport? audit = null, CodeSetLibrary? codeSets = null) =>
        new("PRACTICE-A", "VENDOR-A", March, "UTC", contract, encounters, queries ?? [], codeSets ?? CodeSetLibrary.Empty, [], audit, EmBenchmarkTable.Default, AuditFixtures.Pricing2026);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
