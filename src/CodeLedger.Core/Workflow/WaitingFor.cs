namespace CodeLedger.Core.Workflow;

/// <summary>
/// Why a submitted coding version was kept but not finalized. Written kebab-case in JSON and in the
/// ledger (<c>"open-query"</c>, <c>"edit-errors"</c>); compared only as this enum in code.
/// </summary>
public enum WaitingFor
{
    /// <summary>A documentation query on the encounter is open: the coding waits for its answer or its expiry.</summary>
    OpenQuery,

    /// <summary>The edit engine found errors and no lead overrode them.</summary>
    EditErrors,
}
