namespace CodeLedger.Core.CodeSets;

/// <summary>
/// One HCPCS Level II code or modifier of an ANWEB release (record layout: HCPCS record layout,
/// fields 1-30). Dates are the record's own: added, action effective, terminated.
/// </summary>
/// <param name="Code">The five-character code, or the two-character modifier.</param>
/// <param name="TerminationDate">Last day the code may be reported; null while active.</param>
/// <param name="ActionCode">A added, C changed, D discontinued, N no change, P payment change, ... (field 30).</param>
public sealed record HcpcsEntry(
    string Code,
    bool IsModifier,
    string LongDescription,
    string ShortDescription,
    DateOnly? AddedDate,
    DateOnly? ActionEffectiveDate,
    DateOnly? TerminationDate,
    char ActionCode)
{
    /// <summary>Reportable on the date: added on or before it and not terminated before it.</summary>
    public bool IsActiveOn(DateOnly date) =>
        (AddedDate is not { } added || added <= date) && (TerminationDate is not { } term || date <= term);
}
