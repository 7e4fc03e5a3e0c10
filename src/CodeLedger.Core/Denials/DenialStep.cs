using CodeLedger.Core.Common;

namespace CodeLedger.Core.Denials;

/// <summary>
/// One step of a denial's work (docs/REMITTANCE.md, "Work items"). Four are taken by a person
/// (<c>denials appeal | write-off | reopen | resolve</c>); three happen by themselves: a replacement
/// claim built by <c>claims correct</c> (<see cref="Corrected"/>), and the next posting of the claim
/// the item waits on, paid (<see cref="Paid"/>) or denied again (<see cref="DeniedAgain"/>).
/// </summary>
public enum DenialStep
{
    Appeal,
    WriteOff,
    Reopen,
    Resolve,
    Corrected,
    Paid,
    DeniedAgain,
}

/// <summary>The steps' names as the ledger and the CLI write them, and the state each leads to.</summary>
public static class DenialSteps
{
    private static readonly (DenialStep Step, string Name, DenialWorkState Target)[] Table =
    [
        (DenialStep.Appeal, "appeal", DenialWorkState.Appealed),
        (DenialStep.WriteOff, "write-off", DenialWorkState.WrittenOff),
        (DenialStep.Reopen, "reopen", DenialWorkState.Open),
        (DenialStep.Resolve, "resolve", DenialWorkState.Resolved),
        (DenialStep.Corrected, "corrected", DenialWorkState.Resubmitted),
        (DenialStep.Paid, "paid", DenialWorkState.Resolved),
        (DenialStep.DeniedAgain, "denied-again", DenialWorkState.Open),
    ];

    public static string Name(this DenialStep step) => Table.First(t => t.Step == step).Name;

    public static DenialWorkState Target(DenialStep step) => Table.First(t => t.Step == step).Target;

    /// <summary>The steps a person takes (<c>denials appeal | write-off | reopen | resolve</c>); the others happen by themselves.</summary>
    public static bool ByHand(this DenialStep step) => step is DenialStep.Appeal or DenialStep.WriteOff or DenialStep.Reopen or DenialStep.Resolve;

    /// <summary>The longest note or reason kept with a step.</summary>
    public const int NoteMaxLength = 2000;

    /// <summary>
    /// The note of a step by hand, trimmed: an appeal says what was argued and a write-off why, so
    /// both need one; reopen and resolve may carry one. Empty, too long or a step that is not taken by
    /// hand is DENIAL-STEP-INVALID (the text itself is never repeated: it may hold PHI).
    /// </summary>
    public static string? Note(DenialStep step, string? note)
    {
        if (!step.ByHand())
        {
            throw new DomainException(DenialErrors.StepInvalid, $"{step.Name()} is not a step a person takes: it happens when a claim is corrected or an 835 posts");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is null && step is DenialStep.Appeal or DenialStep.WriteOff)
        {
            throw new DomainException(DenialErrors.StepInvalid, step == DenialStep.Appeal ? "an appeal needs --note (what was argued to the payer)" : "a write-off needs --reason (why the practice will not collect)");
        }

        return text is { Length: > NoteMaxLength }
            ? throw new DomainException(DenialErrors.StepInvalid, $"the {(step == DenialStep.WriteOff ? "reason" : "note")} is {text.Length} characters; at most {NoteMaxLength}")
            : text;
    }

    /// <summary>The step a name stands for (as an event records it), or null.</summary>
    public static DenialStep? Parse(string? name) =>
        Table.Where(t => string.Equals(t.Name, name, StringComparison.Ordinal)).Select(t => (DenialStep?)t.Step).FirstOrDefault();

    /// <summary>The state's name as the CLI and JSON print it (<c>written-off</c>), and back.</summary>
    public static string Name(this DenialWorkState state) => state switch
    {
        DenialWorkState.WrittenOff => "written-off",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParseState(string? text, out DenialWorkState state)
    {
        foreach (var s in Enum.GetValues<DenialWorkState>())
        {
            if (string.Equals(s.Name(), text, StringComparison.Ordinal))
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }
}
