using CodeLedger.Core.Common;

namespace CodeLedger.Core.Denials;

/// <summary>Where a denial's work stands (docs/REMITTANCE.md, "Work items").</summary>
public enum DenialWorkState
{
    /// <summary>Denied, nobody has acted yet (or reopened after a resubmission or appeal was denied again).</summary>
    Open,

    /// <summary>Corrected and resubmitted (frequency code 7); waits for the payer's answer.</summary>
    Resubmitted,

    /// <summary>Appealed to the payer; waits for the decision.</summary>
    Appealed,

    /// <summary>Paid after resubmission or appeal. Final.</summary>
    Resolved,

    /// <summary>Written off: the practice will not collect. Final.</summary>
    WrittenOff,
}

/// <summary>The team that owns a denial, and for coding denials the coder who coded the encounter (null when CodeLedger did not code it).</summary>
public sealed record DenialOwner(DenialTeam Team, string? CoderId);

public enum DenialTeam
{
    Coding,
    Billing,
}

/// <summary>
/// A denial as a piece of work: the claim, its root cause and amount, the owner and the state.
/// Coding denials go to the coding team, to the coder who coded the encounter; every other cause
/// (front end, credentialing, payer, duplicate, other) to the billing team, which works the payer
/// and the practice's enrollment. The transitions are the only way to change the state; each is
/// one ledger event when Storage saves it.
/// </summary>
public sealed record DenialWorkItem(string ClaimId, DenialRootCause RootCause, decimal Amount, DenialOwner Owner, DenialWorkState State)
{
    private static readonly Dictionary<DenialWorkState, DenialWorkState[]> Allowed = new()
    {
        [DenialWorkState.Open] = [DenialWorkState.Resubmitted, DenialWorkState.Appealed, DenialWorkState.WrittenOff],
        [DenialWorkState.Resubmitted] = [DenialWorkState.Open, DenialWorkState.Resolved, DenialWorkState.WrittenOff],
        [DenialWorkState.Appealed] = [DenialWorkState.Open, DenialWorkState.Resolved, DenialWorkState.WrittenOff],
        [DenialWorkState.Resolved] = [],
        [DenialWorkState.WrittenOff] = [],
    };

    /// <summary>A new open work item for a finding; <paramref name="coderId"/> is the coder of record of the claim's encounter, if any.</summary>
    public static DenialWorkItem Open(DenialFinding finding, string? coderId) =>
        finding.RootCause == DenialRootCause.NotDenial
            ? throw new ArgumentException("money that was not denied is no work item", nameof(finding))
            : new DenialWorkItem(finding.ClaimId, finding.RootCause, finding.Amount, OwnerFor(finding.RootCause, coderId), DenialWorkState.Open);

    public static DenialOwner OwnerFor(DenialRootCause cause, string? coderId) =>
        cause == DenialRootCause.Coding ? new DenialOwner(DenialTeam.Coding, string.IsNullOrWhiteSpace(coderId) ? null : coderId) : new DenialOwner(DenialTeam.Billing, null);

    public bool CanMoveTo(DenialWorkState next) => Allows(State, next);

    /// <summary>Whether the rule lets an item in <paramref name="from"/> move to <paramref name="to"/> (replay checks every recorded step with it).</summary>
    public static bool Allows(DenialWorkState from, DenialWorkState to) => Allowed[from].Contains(to);

    /// <summary>Whole days from the day the item was opened to <paramref name="now"/>'s day (UTC), never negative.</summary>
    public static int AgeDays(DateTimeOffset openedAt, DateTimeOffset now) =>
        Math.Max(0, DateOnly.FromDateTime(now.UtcDateTime).DayNumber - DateOnly.FromDateTime(openedAt.UtcDateTime).DayNumber);

    /// <summary>Whether the item waits for the payer's answer (a resubmission or an appeal): the next posting of its claim answers it.</summary>
    public bool AwaitsPayer => State is DenialWorkState.Resubmitted or DenialWorkState.Appealed;

    /// <summary>The item after <paramref name="step"/>, or DENIAL-TRANSITION naming from and to when its state does not allow the step.</summary>
    public DenialWorkItem Take(DenialStep step) => MoveTo(DenialSteps.Target(step));

    /// <summary>
    /// The item in its next state. Open goes to resubmitted, appealed or written off; a
    /// resubmission or appeal ends resolved (paid), written off, or open again when the payer
    /// denies again; resolved and written off are final (a payment after a write-off is posted as
    /// money, not by reopening the work).
    /// </summary>
    public DenialWorkItem MoveTo(DenialWorkState next) =>
        CanMoveTo(next)
            ? this with { State = next }
            : throw new DomainException(DenialErrors.Transition,
                $"the denial of claim {ClaimId} is {State}; it cannot become {next}" +
                (Allowed[State].Length == 0 ? " (final)" : $" (from {State}: {string.Join(", ", Allowed[State])})"));
}
