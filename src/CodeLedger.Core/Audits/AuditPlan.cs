using System.Globalization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>Who audits: an outside firm or the practice (independent), or the vendor's own QA (internal, labeled so in every figure).</summary>
public enum AuditKind
{
    Independent,
    Internal,
}

/// <summary>How the frame is split before drawing: not at all, by rendering physician (NPI), or by specialty.</summary>
public enum AuditStratification
{
    None,
    Physician,
    Specialty,
}

/// <summary>How the sample size is spread over strata.</summary>
public enum AuditAllocation
{
    /// <summary>Each stratum gets its share of n by largest remainder (Hamilton): the sample is self-weighting.</summary>
    Proportional,

    /// <summary>Each stratum gets the same K (or the whole stratum when smaller): fair per physician, not self-weighting.</summary>
    Equal,
}

/// <summary>
/// What an audit samples and how it is judged, refused whole when any option is wrong (each bad option
/// named as the CLI spells it). The size comes from exactly one of: <c>--size N</c>;
/// <c>--margin E --expected P</c> (the <see cref="SampleSize"/> calculator on the frame); or
/// <c>--per-physician K</c> / <c>--per-specialty K</c> (equal allocation). Margin and expected
/// accuracy always have values (0.05 and 0.95 unless given): with a fixed size they are the precision
/// the sample is judged against (probe or statistically valid, docs/AUDIT.md).
/// The seed is text (1 to 128 printable ASCII characters): a date, a ticket number or dice rolls
/// written down, hashed as given; text rather than a 64-bit number so it can be announced and typed.
/// </summary>
public sealed record AuditPlan
{
    public const decimal DefaultMargin = 0.05m;
    public const decimal DefaultExpected = 0.95m;
    public const int MaxSize = 1_000_000;
    public const int MaxSeedLength = 128;
    public const int MaxDefinitionLength = 200;

    /// <summary>Checks every option and refuses with AUDIT-PLAN-INVALID naming all the bad ones.</summary>
    /// <param name="practiceId">The audited practice.</param>
    /// <param name="from">First date of service in the frame (inclusive).</param>
    /// <param name="to">Last date of service in the frame (inclusive).</param>
    /// <param name="seed">The announced seed (see the type's summary).</param>
    /// <param name="size">Fixed n (<c>--size</c>).</param>
    /// <param name="margin">Margin at 95% confidence (<c>--margin</c>).</param>
    /// <param name="expected">Expected accuracy (<c>--expected</c>).</param>
    /// <param name="stratification">None, per physician, or per specialty.</param>
    /// <param name="allocation">Proportional (with n) or equal (with <paramref name="perStratum"/>).</param>
    /// <param name="perStratum">K per stratum for equal allocation (<c>--per-physician K</c>).</param>
    /// <param name="specialty">Only encounters of this specialty (<c>--specialty</c>).</param>
    /// <param name="kind">Independent or internal.</param>
    /// <param name="floor">The contract's accuracy floor, e.g. 0.95 (<c>--floor</c>).</param>
    /// <param name="definition">The E/M guideline and edit releases the auditors code by, as text the report repeats.</param>
    public static AuditPlan Create(Guid practiceId, DateOnly from, DateOnly to, string? seed, int? size = null, decimal? margin = null, decimal? expected = null,
        AuditStratification stratification = AuditStratification.None, AuditAllocation allocation = AuditAllocation.Proportional, int? perStratum = null,
        string? specialty = null, AuditKind kind = AuditKind.Independent, decimal floor = 0.95m, string? definition = "AMA 2021 office E/M (MDM or total time), CPT 2024 time thresholds")
    {
        var problems = new List<string>();
        if (practiceId == Guid.Empty)
        {
            problems.Add("--practice is required");
        }

        if (to < from)
        {
            problems.Add(FormattableString.Invariant($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}"));
        }

        if (string.IsNullOrEmpty(seed))
        {
            problems.Add("--seed is required: the sample is a function of it");
        }
        else if (seed.Length > MaxSeedLength || seed.Any(c => c is < ' ' or > '~') || seed[0] == ' ' || seed[^1] == ' ')
        {
            problems.Add($"--seed must be 1 to {MaxSeedLength} printable ASCII characters without leading or trailing spaces");
        }

        var byMargin = margin is not null || expected is not null;
        var sources = (size is not null ? 1 : 0) + (byMargin ? 1 : 0) + (perStratum is not null ? 1 : 0);
        if (sources != 1)
        {
            problems.Add("give exactly one of --size N, --margin E with --expected P, or --per-physician/--per-specialty K");
        }

        if (size is < 1 or > MaxSize)
        {
            problems.Add(FormattableString.Invariant($"--size must be 1 to {MaxSize:N0}"));
        }

        if (byMargin && (margin is null || expected is null))
        {
            problems.Add("--margin and --expected go together");
        }

        if (margin is { } e && e is <= 0m or > 0.5m)
        {
            problems.Add("--margin must be above 0 and at most 0.5 (0.05 is five points)");
        }

        if (expected is { } p && p is <= 0m or >= 1m)
        {
            problems.Add("--expected must be above 0 and below 1 (0.95 is 95%)");
        }

        if (perStratum is { } k)
        {
            if (k is < 1 or > MaxSize)
            {
                problems.Add(FormattableString.Invariant($"--per-physician/--per-specialty must be 1 to {MaxSize:N0}"));
            }

            if (stratification == AuditStratification.None || allocation != AuditAllocation.Equal)
            {
                problems.Add("--per-physician/--per-specialty K means equal allocation over physician or specialty strata");
            }
        }
        else if (allocation == AuditAllocation.Equal)
        {
            problems.Add("equal allocation needs K (--per-physician K or --per-specialty K)");
        }

        string? specialtyValue = null;
        if (specialty is not null)
        {
            if (Codes.Specialty.TryParse(specialty, out var s, out _))
            {
                specialtyValue = s.Value;
            }
            else
            {
                problems.Add("--specialty must be a lower-case slug like family-medicine");
            }
        }

        if (floor is <= 0m or > 1m)
        {
            problems.Add("--floor must be above 0 and at most 1 (0.95 is 95%)");
        }

        var definitionText = definition?.Trim();
        if (string.IsNullOrEmpty(definitionText) || definitionText.Length > MaxDefinitionLength || definitionText.Any(char.IsControl))
        {
            problems.Add($"--definition must be 1 to {MaxDefinitionLength} characters on one line");
        }

        if (problems.Count > 0)
        {
            throw new DomainException(AuditErrors.PlanInvalid, "audit plan: " + string.Join("; ", problems));
        }

        return new AuditPlan
        {
            PracticeId = practiceId,
            From = from,
            To = to,
            Seed = seed!,
            FixedSize = size,
            SizeFromMargin = byMargin,
            Margin = margin ?? DefaultMargin,
            ExpectedAccuracy = expected ?? DefaultExpected,
            Stratification = stratification,
            Allocation = perStratum is null ? AuditAllocation.Proportional : AuditAllocation.Equal,
            PerStratum = perStratum,
            Specialty = specialtyValue,
            Kind = kind,
            Floor = floor,
            Definition = definitionText!,
        };
    }

    public Guid PracticeId { get; private init; }

    public DateOnly From { get; private init; }

    public DateOnly To { get; private init; }

    public string Seed { get; private init; } = string.Empty;

    /// <summary>n given with <c>--size</c>; null when the size comes from the margin or from K.</summary>
    public int? FixedSize { get; private init; }

    /// <summary>Whether n is the calculator's for <see cref="Margin"/> and <see cref="ExpectedAccuracy"/> on the frame.</summary>
    public bool SizeFromMargin { get; private init; }

    public decimal Margin { get; private init; }

    public decimal ExpectedAccuracy { get; private init; }

    public AuditStratification Stratification { get; private init; }

    public AuditAllocation Allocation { get; private init; }

    /// <summary>K for equal allocation.</summary>
    public int? PerStratum { get; private init; }

    /// <summary>Only this specialty's encounters are in the frame, when set.</summary>
    public string? Specialty { get; private init; }

    public AuditKind Kind { get; private init; }

    public decimal Floor { get; private init; }

    public string Definition { get; private init; } = string.Empty;

    /// <summary>Whether each encounter of the frame had the same chance of selection, so unweighted figures estimate the frame's.</summary>
    public bool IsSelfWeighting => Allocation == AuditAllocation.Proportional;

    /// <summary>One line describing the plan, for reports.</summary>
    public string Describe()
    {
        var size = FixedSize is { } n ? FormattableString.Invariant($"n = {n}")
            : SizeFromMargin ? FormattableString.Invariant($"n for ±{Margin * 100m:0.##} points at 95% confidence, expected accuracy {ExpectedAccuracy * 100m:0.##}%")
            : FormattableString.Invariant($"{PerStratum} per {Stratification.ToString().ToLowerInvariant()}");
        var strata = Stratification == AuditStratification.None ? "unstratified"
            : $"stratified by {Stratification.ToString().ToLowerInvariant()}, {Allocation.ToString().ToLowerInvariant()} allocation";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Kind.ToString().ToLowerInvariant()} audit, dates of service {From:yyyy-MM-dd} to {To:yyyy-MM-dd}{(Specialty is null ? string.Empty : $", specialty {Specialty}")}, {size}, {strata}, seed \"{Seed}\", floor {Floor * 100m:0.##}%");
    }
}
