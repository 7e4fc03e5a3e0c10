using System.Globalization;
using System.Text.RegularExpressions;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's month of operation, simulated on the manual clock: the practices' EHR interfaces send
/// the encounters signed in each hour as one import; coders code them hours later (longer for the
/// specialty with a single coder); about 11% of first submissions fail an edit and are fixed or,
/// now and then, overridden by the lead; about 8% raise a documentation query, two thirds of which
/// the physician answers and the rest expire, found by the expiry run every six hours. Every
/// decision and id comes from one Random seeded from the demo's seed, so a seed gives one ledger.
/// </summary>
internal sealed partial class DemoWorkflow
{
    private static readonly Dictionary<string, decimal> Charges = new(StringComparer.Ordinal)
    {
        ["99203"] = 180m, ["99204"] = 270m, ["99205"] = 350m, ["99212"] = 90m, ["99213"] = 130m, ["99214"] = 190m, ["99215"] = 260m,
    };

    private readonly CodeLedgerStore _store;
    private readonly ManualClock _clock;
    private readonly DemoWorld _world;
    private readonly Random _random;
    private readonly PriorityQueue<Func<Task>, (long Ticks, long Seq)> _agenda = new();
    private static readonly Dictionary<string, DemoCatalog.Condition> ConditionsByName = DemoCatalog.FamilyMedicine.Concat(DemoCatalog.Cardiology)
        .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    private readonly CodingDesk _coding;
    private readonly QueryDesk _queries;
    private readonly EncounterIntake _intake;
    private readonly Dictionary<string, DateTimeOffset> _free = new(StringComparer.Ordinal);
    private long _seq;

    /// <summary>Plans the month: every hourly import and every expiry run. <paramref name="random"/> is <see cref="RandomFor"/> the demo's seed.</summary>
    /// <summary>
    /// With <paramref name="billing"/> (the billing generator, <see cref="DemoRun"/>) the month also bills
    /// (<see cref="PlanBilling"/>): 837Ps into <paramref name="outbox"/>, 999s and 835s into <paramref name="inbox"/>.
    /// </summary>
    public DemoWorkflow(CodeLedgerStore store, ManualClock clock, DemoWorld world, Random random, Random? billing = null, string? outbox = null, string? inbox = null)
    {
        _store = store;
        _clock = clock;
        _world = world;
        _random = random;
        _coding = new CodingDesk(store, new ClaimEditor(StarterCodeSet.Library()), _random.NextGuid);
        _queries = new QueryDesk(store, _random.NextGuid);
        _intake = new EncounterIntake(store, _random.NextGuid);
        Plan();
        if (billing is not null)
        {
            PlanBilling(billing, outbox ?? throw new ArgumentNullException(nameof(outbox)), inbox ?? throw new ArgumentNullException(nameof(inbox)));
        }

        PlannedSteps = _agenda.Count;
    }

    public int PlannedSteps { get; }

    /// <summary>The simulation's generator: every decision and id of the month (and the lead's id) comes from it.</summary>
    public static Random RandomFor(int seed) => new(unchecked((seed * 7919) + 17));

    private int _imports, _submissions, _blocks, _overrides, _raised, _answered, _expired;

    private void Plan()
    {
        var practices = _world.Practices.ToDictionary(p => p.Practice.Id);
        var npis = _world.Practices.SelectMany(p => p.Physicians).ToDictionary(p => p.Id, p => p.Npi);

        // Each practice's interface sends what was signed in an hour at the end of that hour.
        foreach (var group in _world.Encounters.GroupBy(e => (e.PracticeId, Hour: e.ReceivedAt.UtcTicks / TimeSpan.TicksPerHour)))
        {
            var encounters = group.ToList();
            var at = new DateTimeOffset((group.Key.Hour + 1) * TimeSpan.TicksPerHour, TimeSpan.Zero);
            var practice = practices[group.Key.PracticeId];
            Schedule(at, () => ImportAsync(practice, encounters, npis));
        }

        var end = LastDay().AddDays(15);
        for (var t = new DateTimeOffset(_world.Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); t <= end; t = t.AddHours(6))
        {
            Schedule(t, ExpireAsync);
        }
    }

    /// <summary>Runs the agenda in time order, each step at its instant on the manual clock; cancellation is honoured between steps.</summary>
    public async Task<DemoCounts> RunAsync(Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        do
        {
            while (_agenda.TryDequeue(out var action, out var when))
            {
                ct.ThrowIfCancellationRequested();
                _clock.MoveTo(new DateTimeOffset(when.Ticks, TimeSpan.Zero));
                await action();
                progress?.Invoke(Math.Min(++done, PlannedSteps));
            }
        }
        while (PlanLastBatch());

        return new DemoCounts(_imports, _submissions, _blocks, _overrides, _raised, _answered, _expired);
    }

    private DateTimeOffset LastDay() => new(_world.Month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private void Schedule(DateTimeOffset at, Func<Task> action) => _agenda.Enqueue(action, (Instants.Normalize(at).UtcTicks, _seq++));

    private async Task ImportAsync(DemoPractice practice, List<Encounter> encounters, Dictionary<Guid, Npi> npis)
    {
        var submissions = encounters.Select(e =>
        {
            var (coverage, address) = CoverageOf(practice, e);
            return new EncounterSubmission(e.ExternalId, e.ExternalId, npis[e.PhysicianId], e.Patient, e.DateOfService,
                e.PlaceOfService, e.DocumentationText, e.DocumentationCompletedAt, coverage, address);
        }).ToList();
        await _intake.ImportAsync(practice.Practice.Code, _world.Vendor.Code, () => submissions, "ehr-interface:" + practice.Practice.Code);
        _imports++;

        await using var db = _store.CreateContext();
        var ids = encounters.Select(e => e.ExternalId).ToList();
        var assigned = await (from e in db.Encounters
                              join w in db.Set<WorkItem>() on e.Id equals w.EncounterId
                              join c in db.Coders on w.CoderId equals c.Id into coders
                              from c in coders.DefaultIfEmpty()
                              where e.PracticeId == practice.Practice.Id && ids.Contains(e.ExternalId)
                              select new { e.ExternalId, UserName = c == null ? null : c.UserName }).ToDictionaryAsync(x => x.ExternalId, x => x.UserName);
        foreach (var encounter in encounters)
        {
            var coder = assigned[encounter.ExternalId] ?? DemoWorldWriter.LeadUserName;
            PlanCoding(encounter, coder, NextSlot(coder, encounter.Specialty.Value == "cardiology"));
        }
    }

    private void PlanCoding(Encounter encounter, string coder, DateTimeOffset codeAt)
    {
        var good = Coding(encounter);
        var roll = _random.NextDouble();
        if (roll < 0.08)
        {
            var answers = _random.NextDouble() < 0.65;
            var answerAfter = TimeSpan.FromHours(1 + (_random.NextDouble() * 60));
            var recodeAfter = TimeSpan.FromHours(0.5 + (_random.NextDouble() * 6));
            Schedule(codeAt, async () =>
            {
                var query = await RaiseAsync(encounter, coder);
                await SubmitAsync(encounter, coder, good);
                if (answers)
                {
                    Schedule(codeAt + answerAfter, async () =>
                    {
                        await _queries.AnswerAsync(query.Id, Answer(query), PhysicianUser(encounter.PhysicianId));
                        _answered++;
                        Schedule(WorkingTime(codeAt + answerAfter + recodeAfter), () => SubmitAsync(encounter, coder, good));
                    });
                }
            });
            return;
        }

        if (roll < 0.19)
        {
            // A pointer to a diagnosis the claim does not have: the edit engine's DX-POINTER error.
            var broken = new CodingSubmission(good.Diagnoses, [.. good.Lines.Select(l => new ServiceLine(l.Code, l.Modifiers, l.Units, l.Charge, [.. l.Pointers.Take(ServiceLine.MaxPointers - 1), good.Diagnoses.Count + 1]))]);
            var overrideIt = _random.NextDouble() < 0.15;
            var fixAfter = TimeSpan.FromHours(0.5 + (_random.NextDouble() * 4));
            Schedule(codeAt, async () =>
            {
                await SubmitAsync(encounter, coder, broken);
                Schedule(codeAt + fixAfter, overrideIt
                    ? () => SubmitAsync(encounter, DemoWorldWriter.LeadUserName, broken, "pointer verified against the paper superbill; payer accepts the extra pointer")
                    : () => SubmitAsync(encounter, coder, good));
            });
            return;
        }

        if (roll < 0.22 && Overcoded(good) is { } overcoded)
        {
            // Billed a level above what the note supports: EM-LEVEL-SUPPORT holds it until the coder recodes.
            var fixAfter = TimeSpan.FromHours(0.5 + (_random.NextDouble() * 4));
            Schedule(codeAt, async () =>
            {
                await SubmitAsync(encounter, coder, overcoded);
                Schedule(codeAt + fixAfter, () => SubmitAsync(encounter, coder, good));
            });
            return;
        }

        Schedule(codeAt, () => SubmitAsync(encounter, coder, good));
    }

    private async Task SubmitAsync(Encounter encounter, string coder, CodingSubmission coding, string? overrideReason = null)
    {
        var outcome = await _coding.SubmitAsync(encounter.ExternalId, coding, coder, overrideReason);
        _submissions++;
        _blocks += outcome.WaitingFor == WaitingFor.EditErrors ? 1 : 0;
        _overrides += outcome.Overridden ? 1 : 0;
    }

    private async Task<DocumentationQuery> RaiseAsync(Encounter encounter, string coder)
    {
        var condition = Conditions(encounter.DocumentationText).First();
        var (category, question, choices) = _random.Next(4) switch
        {
            0 => (QueryCategory.DiagnosisSpecificity, $"The assessment lists {condition.Name}. Based on your clinical judgment, can it be documented with greater specificity?", Array.Empty<string>()),
            1 => (QueryCategory.AcuityOrSeverity, $"Please clarify the acuity of {condition.Name} as evaluated at this visit.", ["acute", "chronic", "acute on chronic", "other", "clinically undetermined"]),
            2 => (QueryCategory.EmSupport, "The note records total time but not the activities performed. Please document the activities that made up the total time, if applicable.", []),
            _ => (QueryCategory.MissingSignatureOrAttestation, "The examination section has no attestation. Please review the note and attest to it if appropriate.", []),
        };
        _raised++;
        return await _queries.RaiseAsync(encounter.ExternalId, coder, category, question, choices);
    }

    private string Answer(DocumentationQuery query) => query.Choices.Count > 0
        ? query.Choices[_random.Next(query.Choices.Count - 2)]
        : "Addendum entered in the record; see the amended note.";

    private async Task ExpireAsync()
    {
        var summary = await _queries.ExpireOverdueAsync("query-expiry");
        _expired += summary.Expired;
    }

    /// <summary>
    /// The coding the note supports: what a careful coder submits, and what the demo's auditor records
    /// (<see cref="DemoAudits"/>). It depends on the note alone, so the audit can recompute it.
    /// </summary>
    internal static CodingSubmission Coding(Encounter encounter)
    {
        var conditions = Conditions(encounter.DocumentationText).Take(CodingResult.MaxDiagnoses).ToList();
        var isNew = encounter.DocumentationText.StartsWith("NEW PATIENT", StringComparison.Ordinal);
        var minutes = TotalTime().Match(encounter.DocumentationText) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var mdmLevel = (isNew, conditions.Count) switch
        {
            (true, 1) => "99203",
            (true, 2) => "99204",
            (true, _) => minutes >= 60 ? "99205" : "99204",
            (false, 1) => minutes < 15 ? "99212" : "99213",
            (false, 2) => "99214",
            (false, _) => minutes >= 40 ? "99215" : "99214",
        };
        // The level of MDM the note documents (more conditions, and longer visits among the
        // complex ones, mean more complex decisions). Its total time may support more; a careful
        // coder bills what the note supports by either (AMA 2021: the higher of the two).
        var documented = Documented(isNew, mdmLevel[4] - '0', minutes);
        var code = EmLeveler.Level(documented).Code;
        var pointers = Enumerable.Range(1, Math.Min(ServiceLine.MaxPointers, conditions.Count)).ToList();
        return new CodingSubmission(
            [.. conditions.Select(c => IcdCode.Parse(c.Icd))],
            [new ServiceLine(ProcedureCode.Parse(code), [], 1, Money.FromDecimal(Charges[code]), pointers)],
            documented);
    }

    /// <summary>
    /// The coder's abstraction of the note for the E/M level check: MDM elements that meet the
    /// billed level, and the total time the note records (which may support more: an
    /// "undercoded" warning, as in real audits).
    /// </summary>
    private static EmInput Documented(bool isNew, int level, int minutes)
    {
        var (problem, risk) = level switch
        {
            2 => (ProblemKind.SelfLimited, RiskLevel.Minimal),
            3 => (ProblemKind.StableChronic, RiskLevel.Low),
            4 => (ProblemKind.ChronicExacerbation, RiskLevel.Moderate),
            _ => (ProblemKind.ChronicSevereExacerbation, RiskLevel.High),
        };
        return new EmInput(isNew ? PatientType.New : PatientType.Established, [problem], EmData.None, risk, minutes > 0 ? minutes : null);
    }

    /// <summary>
    /// The same coding billed one E/M level above what the note supports by MDM or by time
    /// (EM-LEVEL-SUPPORT), or null when the note already supports level 5.
    /// </summary>
    private static CodingSubmission? Overcoded(CodingSubmission good)
    {
        var supported = EmLeveler.Level(good.Em!).Code;
        if (supported[4] == '5')
        {
            return null;
        }

        var line = good.Lines[0];
        var higher = string.Concat(supported.AsSpan(0, 4), ((char)(supported[4] + 1)).ToString());
        return good with { Lines = [new ServiceLine(ProcedureCode.Parse(higher), line.Modifiers, line.Units, Money.FromDecimal(Charges[higher]), line.Pointers)] };
    }

    /// <summary>The conditions in the note's assessment, in order ("1. Essential hypertension: ...").</summary>
    private static IEnumerable<DemoCatalog.Condition> Conditions(string note) =>
        AssessmentLine().Matches(note).Select(m => ConditionsByName[m.Groups[1].Value]);

    /// <summary>
    /// Each coder works a queue: an encounter takes 8 to 26 minutes (cardiology, with its longer
    /// notes and procedures, 14 to 36), inside the coder's working day
    /// (08:00 to 17:00 Central, 13:00–22:00Z, Monday to Friday). A specialty with one coder fills
    /// that coder's days, and its backlog is what breaches the turnaround target.
    /// </summary>
    private DateTimeOffset NextSlot(string coder, bool cardiology)
    {
        var earliest = _clock.GetUtcNow().AddMinutes(30);
        var start = _free.TryGetValue(coder, out var free) && free > earliest ? free : earliest;
        start = OnShift(start);
        _free[coder] = start.AddMinutes(cardiology ? 14 + _random.Next(0, 23) : 8 + _random.Next(0, 19));
        return start;
    }

    private static DateTimeOffset OnShift(DateTimeOffset t)
    {
        while (true)
        {
            var day = t.UtcDateTime.Date;
            if (t.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || t.UtcDateTime.Hour >= 22)
            {
                t = new DateTimeOffset(day.AddDays(1).AddHours(13), TimeSpan.Zero);
                continue;
            }

            return t.UtcDateTime.Hour < 13 ? new DateTimeOffset(day.AddHours(13), TimeSpan.Zero) : t;
        }
    }

    /// <summary>Coders work Monday to Friday: work that would fall on a weekend waits for Monday morning (14:00Z).</summary>
    private DateTimeOffset WorkingTime(DateTimeOffset t)
    {
        while (t.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            t = new DateTimeOffset(t.UtcDateTime.Date.AddDays(1).AddHours(14).AddMinutes(_random.Next(0, 240)), TimeSpan.Zero);
        }

        return t;
    }

    [GeneratedRegex(@"^\d+\. ([^:]+):", RegexOptions.Multiline)]
    private static partial Regex AssessmentLine();

    [GeneratedRegex(@"Total time on the date of the encounter: (\d+) minutes")]
    private static partial Regex TotalTime();

    /// <summary>The physician's own account (<see cref="DemoSetup"/>): the ledger records them as who answered.</summary>
    private Core.Accounts.Principal PhysicianUser(Guid physicianId)
    {
        var physician = _world.Practices.SelectMany(p => p.Physicians).Single(p => p.Id == physicianId);
        return new(DemoSetup.PhysicianUserName(physician.Npi.Value), Core.Accounts.UserRole.Physician, physician.PracticeId, physicianNpi: physician.Npi.Value);
    }
}
