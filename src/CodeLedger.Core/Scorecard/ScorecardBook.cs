using System.Globalization;

namespace CodeLedger.Core.Scorecard;

/// <summary>One criterion as the scorecard shows it: the standard, the verdict, a one-line reason citing the evidence, and the evidence lines.</summary>
public sealed record CriterionResult(string Criterion, string Title, string Standard, Verdict Verdict, string Reason, IReadOnlyList<string> Evidence);

/// <summary>One red flag: raised, not raised or unknown, with the evidence for it.</summary>
public sealed record RedFlagResult(string Flag, string Text, FlagState State, string Reason);

/// <summary>The scorecard of one vendor at one practice.</summary>
public sealed record VendorScorecard(string Practice, string Vendor, DateOnly Today, IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<RedFlagResult> RedFlags, string Summary)
{
    public int Met => Criteria.Count(c => c.Verdict == Verdict.Met);

    public int NotMet => Criteria.Count(c => c.Verdict == Verdict.NotMet);

    public int Unknown => Criteria.Count(c => c.Verdict == Verdict.Unknown);

    public bool Disqualified => RedFlags.Any(f => f.State == FlagState.Raised);
}

/// <summary>
/// The verdicts, from the evidence alone (docs/SCORECARD.md): a criterion is met when the evidence
/// shows the standard held, not met when it shows it missed, and unknown when nothing CodeLedger
/// holds can show it (no data yet, no answer recorded). Unknown is never counted as met.
/// </summary>
public static class ScorecardBook
{
    public static VendorScorecard Evaluate(ScorecardEvidence e)
    {
        var answers = Latest(e.Answers);
        var criteria = new List<CriterionResult>
        {
            Accuracy(e),
            AuditRight(e, answers.AuditRight),
            Turnaround(e),
            Credentials(e),
            Queries(e),
            Counted(ScorecardCriterion.MonthlyReporting, e.MonthlyPackages),
            Baa(e),
            References(e, answers.References),
            Training(e),
            Counted(ScorecardCriterion.IntegratedBilling, e.ClaimsSubmitted),
        };
        var flags = new List<RedFlagResult>
        {
            AuditRightFlag(e, answers.AuditRight),
            ReferencesFlag(e, criteria[7], answers.References),
            QueryFlag(criteria[4]),
            AccuracyFlag(e),
            TurnaroundFlag(e),
            PriceFlag(answers.Price, answers.Explanation),
        };
        var raised = flags.Where(f => f.State == FlagState.Raised).Select(f => f.Flag).ToList();
        var card = new VendorScorecard(e.Practice, e.Vendor, e.Today, criteria, flags, string.Empty);
        var flagged = raised.Count == 0 ? "none raised" : string.Create(CultureInfo.InvariantCulture, $"{raised.Count} raised ({string.Join(", ", raised)}) - disqualifying");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{e.Vendor} at {e.Practice}: {card.Met} met, {card.NotMet} not met, {card.Unknown} unknown; red flags: {flagged}, {flags.Count(f => f.State == FlagState.Unknown)} unknown");
        return card with { Summary = summary };
    }

    private sealed record Answers(IReadOnlyList<RecordedAnswer> References, RecordedAnswer? Price, RecordedAnswer? Explanation, RecordedAnswer? AuditRight);

    /// <summary>The latest answer of each kind stands; references, the latest per organization.</summary>
    private static Answers Latest(IReadOnlyList<RecordedAnswer> all)
    {
        var ordered = all.OrderBy(a => a.RecordedAt).ToList();
        RecordedAnswer? Last(string kind) => ordered.LastOrDefault(a => a.Answer.Kind == kind);
        var references = ordered.Where(a => a.Answer is ReferenceAnswer)
            .GroupBy(a => ((ReferenceAnswer)a.Answer).Organization, StringComparer.OrdinalIgnoreCase).Select(g => g.Last())
            .OrderBy(a => ((ReferenceAnswer)a.Answer).Organization, StringComparer.Ordinal).ToList();
        return new Answers(references, Last(ScorecardAnswer.PriceKind), Last(ScorecardAnswer.PriceExplanationKind), Last(ScorecardAnswer.AuditRightKind));
    }

    private static CriterionResult Result(ScorecardCriterion c, Verdict verdict, string reason, IEnumerable<string>? evidence = null) =>
        new(c.Name(), c.Title(), c.Standard(), verdict, reason, [.. evidence ?? []]);

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Describe(AuditEvidence a)
    {
        var figures = a.HasResults
            ? string.Create(CultureInfo.InvariantCulture, $"accuracy {Pct(a.Accuracy!.Value)} (Wilson 95% {Pct(a.Lower!.Value)}-{Pct(a.Upper!.Value)}) on {a.Audited} of {a.SampleSize} sampled, floor {Pct((double)a.Floor)}")
            : string.Create(CultureInfo.InvariantCulture, $"{a.SampleSize} sampled, none re-coded yet");
        return string.Create(CultureInfo.InvariantCulture,
            $"audit {a.Id.ToString("D")[..8]} ({a.Kind}, by {a.AuditorOrganization}, dates of service {a.From:yyyy-MM-dd}..{a.To:yyyy-MM-dd}): {figures}; definition: {a.Definition}");
    }

    private static CriterionResult Accuracy(ScorecardEvidence e)
    {
        var lines = e.Audits.Select(Describe).ToList();
        var done = e.Audits.Where(a => a.HasResults).OrderBy(a => a.To).ToList();
        if (done.Count > 0)
        {
            var last = done[^1];
            var verdict = last.Accuracy >= (double)(ScorecardCatalogue.AccuracyStandardPercent / 100) ? Verdict.Met : Verdict.NotMet;
            return Result(ScorecardCriterion.AccuracyMethod, verdict, string.Create(CultureInfo.InvariantCulture,
                $"latest audit with results, {last.Id.ToString("D")[..8]} ({last.Kind}): {Pct(last.Accuracy!.Value)} on {last.Audited} encounters by a documented method (seeded sample, stated definition, Wilson interval) {(verdict == Verdict.Met ? "at or above" : "below")} {ScorecardCatalogue.AccuracyStandardPercent}%"), lines);
        }

        var claim = e.Contract is { } c ? string.Create(CultureInfo.InvariantCulture, $"the contract guarantees {c.AccuracyFloorPercent}% but ") : string.Empty;
        return e.Audits.Count > 0
            ? Result(ScorecardCriterion.AccuracyMethod, Verdict.Unknown, $"{claim}the audit of this vendor's coding has no re-coding recorded yet", lines)
            : Result(ScorecardCriterion.AccuracyMethod, Verdict.NotMet, $"{claim}no audit of this vendor's coding is recorded: no accuracy measured by a documented method", lines);
    }

    private static string Answered(RecordedAnswer a) => $"recorded by {a.RecordedBy} on {a.RecordedAt.UtcDateTime:yyyy-MM-dd}";

    private static CriterionResult AuditRight(ScorecardEvidence e, RecordedAnswer? answer)
    {
        var independent = e.Audits.Where(a => a.Independent).Select(Describe).ToList();
        if (independent.Count > 0)
        {
            return Result(ScorecardCriterion.IndependentAuditRight, Verdict.Met, $"{independent.Count} independent audit(s) of this vendor's coding ran in CodeLedger", independent);
        }

        if (answer?.Answer is AuditRightAnswer right)
        {
            var where = right.Clause is null ? string.Empty : $" ({right.Clause})";
            return Result(ScorecardCriterion.IndependentAuditRight, right.Granted ? Verdict.Met : Verdict.NotMet,
                $"no independent audit has run; the contract {(right.Granted ? "grants" : "does not grant")} an independent audit right{where}, {Answered(answer)}");
        }

        return Result(ScorecardCriterion.IndependentAuditRight, Verdict.Unknown,
            "no independent audit has run and no answer is recorded (codeledger scorecard answer audit-right)");
    }

    private static CriterionResult Turnaround(ScorecardEvidence e)
    {
        if (e.Contract is not { } c)
        {
            return Result(ScorecardCriterion.TurnaroundCommitment, Verdict.NotMet, "no contract with this vendor is in force today: no written turnaround commitment");
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"contract effective {c.EffectiveOn:yyyy-MM-dd}: {c.TurnaroundTargetHours} h on the {c.Clock} clock, accuracy floor {c.AccuracyFloorPercent}%, query window {c.QueryResponseWindowHours} h");
        return c.TurnaroundTargetHours <= ScorecardCatalogue.MaxTurnaroundHours
            ? Result(ScorecardCriterion.TurnaroundCommitment, Verdict.Met, $"written commitment of {c.TurnaroundTargetHours} h ({c.Clock}), within {ScorecardCatalogue.MaxTurnaroundHours} h", [line])
            : Result(ScorecardCriterion.TurnaroundCommitment, Verdict.NotMet, $"written commitment of {c.TurnaroundTargetHours} h ({c.Clock}), beyond {ScorecardCatalogue.MaxTurnaroundHours} h", [line]);
    }

    private static CriterionResult Credentials(ScorecardEvidence e)
    {
        var lines = e.Specialties.Select(s => $"{s.Specialty}: {s.Encounters} encounter(s), certified coders: {(s.CertifiedCoders.Count == 0 ? "none" : string.Join(", ", s.CertifiedCoders))}").ToList();
        if (e.Specialties.Count == 0)
        {
            return Result(ScorecardCriterion.SpecialtyCredentials, Verdict.Unknown, "the practice has no encounters sent to this vendor and no physicians: no specialty to match");
        }

        var uncovered = e.Specialties.Where(s => s.CertifiedCoders.Count == 0).Select(s => s.Specialty).ToList();
        return uncovered.Count == 0
            ? Result(ScorecardCriterion.SpecialtyCredentials, Verdict.Met, $"every specialty sent ({e.Specialties.Count}) has a coder of this vendor with a credential valid today", lines)
            : Result(ScorecardCriterion.SpecialtyCredentials, Verdict.NotMet, $"no coder of this vendor holds a valid credential for: {string.Join(", ", uncovered)}", lines);
    }

    private static CriterionResult Queries(ScorecardEvidence e)
    {
        var q = e.Queries;
        var categories = string.Join(", ", q.Categories.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        var line = $"{q.Raised} raised, {q.Answered} answered, {q.Unresolved} unresolved, {q.Open} open" + (categories.Length == 0 ? string.Empty : $"; categories: {categories}");
        var window = e.Contract is { } c ? $", response window {c.QueryResponseWindowHours} h in the contract" : string.Empty;
        return q.Raised > 0
            ? Result(ScorecardCriterion.QueryProcess, Verdict.Met, $"{q.Raised} written queries by category to the physician, {q.Answered} answered{window}", [line])
            : Result(ScorecardCriterion.QueryProcess, Verdict.Unknown, $"no query raised on this practice's encounters by this vendor: the process is not shown in use{window}", [line]);
    }

    private static CriterionResult Counted(ScorecardCriterion criterion, CountEvidence count)
    {
        if (!count.Tracked)
        {
            return Result(criterion, Verdict.Unknown, $"CodeLedger does not record {count.What} yet: unknown, not assumed");
        }

        return count.Count > 0
            ? Result(criterion, Verdict.Met, $"{count.Count} {count.What}")
            : Result(criterion, Verdict.NotMet, $"no {count.What}");
    }

    private static CriterionResult Baa(ScorecardEvidence e)
    {
        var lines = e.Agreements.Select(a => $"signed {a.SignedOn:yyyy-MM-dd}, effective {a.EffectiveOn:yyyy-MM-dd}, last day {(a.LastDay is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}, document SHA-256 {a.DocumentSha256[..12]}…{(a.InForceToday ? ", in force" : string.Empty)}").ToList();
        if (e.Agreements.Any(a => a.InForceToday))
        {
            return Result(ScorecardCriterion.SignedBaa, Verdict.Met, $"a BAA signed by both parties is in force on {e.Today:yyyy-MM-dd}", lines);
        }

        return e.Agreements.Count > 0
            ? Result(ScorecardCriterion.SignedBaa, Verdict.NotMet, $"{e.Agreements.Count} BAA(s) on file, none in force on {e.Today:yyyy-MM-dd}", lines)
            : Result(ScorecardCriterion.SignedBaa, Verdict.NotMet, "no BAA between the practice and this vendor is on file");
    }

    private static IEnumerable<string> PracticeSpecialties(ScorecardEvidence e) => e.Specialties.Select(s => s.Specialty);

    private static CriterionResult References(ScorecardEvidence e, IReadOnlyList<RecordedAnswer> references)
    {
        var lines = references.Select(a => (ReferenceAnswer)a.Answer)
            .Select((r, i) => $"{r.Organization} ({r.Specialty.Value}), checked {r.CheckedOn:yyyy-MM-dd}, {Answered(references[i])}").ToList();
        if (references.Count == 0)
        {
            return Result(ScorecardCriterion.SpecialtyReferences, Verdict.Unknown, "no reference recorded (codeledger scorecard answer reference)");
        }

        var matched = references.Select(a => ((ReferenceAnswer)a.Answer).Specialty.Value).ToHashSet(StringComparer.Ordinal);
        var missing = PracticeSpecialties(e).Where(s => !matched.Contains(s)).ToList();
        return missing.Count == 0
            ? Result(ScorecardCriterion.SpecialtyReferences, Verdict.Met, $"{references.Count} checked reference(s) cover every specialty of the practice", lines)
            : Result(ScorecardCriterion.SpecialtyReferences, Verdict.NotMet, $"no checked reference for: {string.Join(", ", missing)}", lines);
    }

    private static CriterionResult Training(ScorecardEvidence e)
    {
        var t = e.Training;
        var line = $"{t.Records} record(s) for {t.Coders} active coder(s), {t.Late} completed after the release took effect; releases: {(t.Releases.Count == 0 ? "none" : string.Join(", ", t.Releases))}";
        if (t.Records == 0)
        {
            return Result(ScorecardCriterion.CodeUpdateTraining, Verdict.Unknown, "no code-update training recorded for this vendor's coders (codeledger training record)", [line]);
        }

        return t.Late == 0
            ? Result(ScorecardCriterion.CodeUpdateTraining, Verdict.Met, $"{t.Records} training record(s), every one completed before its release took effect", [line])
            : Result(ScorecardCriterion.CodeUpdateTraining, Verdict.NotMet, $"{t.Late} of {t.Records} training record(s) completed after the release took effect", [line]);
    }

    private static RedFlagResult Flag(RedFlag flag, FlagState state, string reason) => new(flag.Name(), flag.Text(), state, reason);

    private static RedFlagResult AuditRightFlag(ScorecardEvidence e, RecordedAnswer? answer)
    {
        if (e.Audits.Any(a => a.Independent))
        {
            return Flag(RedFlag.NoIndependentAuditRight, FlagState.NotRaised, "an independent audit of this vendor's coding ran");
        }

        return answer?.Answer is AuditRightAnswer right
            ? Flag(RedFlag.NoIndependentAuditRight, right.Granted ? FlagState.NotRaised : FlagState.Raised,
                $"the contract {(right.Granted ? "grants" : "does not grant")} an independent audit right, {Answered(answer)}")
            : Flag(RedFlag.NoIndependentAuditRight, FlagState.Unknown, "no independent audit ran and no answer is recorded");
    }

    /// <summary>Raised when references were checked and none is of a specialty the practice sends; one match is a reference, even if the criterion wants one per specialty.</summary>
    private static RedFlagResult ReferencesFlag(ScorecardEvidence e, CriterionResult references, IReadOnlyList<RecordedAnswer> answers)
    {
        if (answers.Count == 0)
        {
            return Flag(RedFlag.NoSpecialtyReferences, FlagState.Unknown, references.Reason);
        }

        var specialties = PracticeSpecialties(e).ToHashSet(StringComparer.Ordinal);
        var matching = answers.Count(a => specialties.Contains(((ReferenceAnswer)a.Answer).Specialty.Value));
        return matching > 0
            ? Flag(RedFlag.NoSpecialtyReferences, FlagState.NotRaised, $"{matching} of {answers.Count} checked reference(s) share a specialty with the practice")
            : Flag(RedFlag.NoSpecialtyReferences, FlagState.Raised, $"none of {answers.Count} checked reference(s) is of a specialty the practice sends ({string.Join(", ", specialties.Order(StringComparer.Ordinal))})");
    }

    private static RedFlagResult QueryFlag(CriterionResult queries) =>
        queries.Verdict == Verdict.Met
            ? Flag(RedFlag.NoQueryProcess, FlagState.NotRaised, queries.Reason)
            : Flag(RedFlag.NoQueryProcess, FlagState.Unknown, queries.Reason);

    private static RedFlagResult AccuracyFlag(ScorecardEvidence e)
    {
        if (e.Audits.Any(a => a.HasResults))
        {
            return Flag(RedFlag.AccuracyWithoutMethod, FlagState.NotRaised, "accuracy is measured by a recorded audit with its method");
        }

        return e.Contract is { } c
            ? Flag(RedFlag.AccuracyWithoutMethod, FlagState.Raised, string.Create(CultureInfo.InvariantCulture, $"the contract claims {c.AccuracyFloorPercent}% accuracy and no audit with results measures it"))
            : Flag(RedFlag.AccuracyWithoutMethod, FlagState.Unknown, "no contract claims an accuracy and no audit measured one");
    }

    private static RedFlagResult TurnaroundFlag(ScorecardEvidence e) => e.Contract switch
    {
        null => Flag(RedFlag.TurnaroundBeyond48Hours, FlagState.Unknown, "no contract in force: no commitment to measure"),
        { TurnaroundTargetHours: > ScorecardCatalogue.MaxTurnaroundHours } c => Flag(RedFlag.TurnaroundBeyond48Hours, FlagState.Raised, $"the contract commits to {c.TurnaroundTargetHours} h ({c.Clock})"),
        var c => Flag(RedFlag.TurnaroundBeyond48Hours, FlagState.NotRaised, $"the contract commits to {c.TurnaroundTargetHours} h ({c.Clock})"),
    };

    private static RedFlagResult PriceFlag(RecordedAnswer? price, RecordedAnswer? explanation)
    {
        if (price?.Answer is not PriceAnswer p)
        {
            return Flag(RedFlag.PriceFarBelowMarket, FlagState.Unknown, "no price recorded (codeledger scorecard answer price)");
        }

        var where = string.Create(CultureInfo.InvariantCulture,
            $"{p.Describe(p.Price)} against a market of {p.Describe(p.MarketLow)} to {p.Describe(p.MarketHigh)}: {Pct((double)p.ShareBelowMarket)} below its middle, {Answered(price)}");
        if (p.ShareBelowMarket < ScorecardCatalogue.LowPriceShare)
        {
            return Flag(RedFlag.PriceFarBelowMarket, FlagState.NotRaised, where);
        }

        // An explanation counts only when given for this price: recorded at or after it.
        return explanation?.Answer is PriceExplanationAnswer x && explanation.RecordedAt >= price.RecordedAt
            ? Flag(RedFlag.PriceFarBelowMarket, FlagState.NotRaised, $"{where}; explained: {x.Text}")
            : Flag(RedFlag.PriceFarBelowMarket, FlagState.Raised, $"{where}; no explanation recorded");
    }
}
