namespace CodeLedger.Core.CodeSets;

/// <summary>
/// One NCCI procedure-to-procedure edit row: when both codes are billed on the same date by the
/// same provider, the column 2 code is denied unless the indicator lets a modifier bypass it.
/// </summary>
/// <param name="DeletionDate">The last date of service the edit applies to (CMS "Deletion Date"); null while in force.</param>
public sealed record PtpEdit(
    string Column1,
    string Column2,
    DateOnly EffectiveDate,
    DateOnly? DeletionDate,
    PtpModifierIndicator Indicator,
    bool PriorTo1996,
    string Rationale)
{
    public bool IsActiveOn(DateOnly date) => EffectiveDate <= date && (DeletionDate is not { } deleted || date <= deleted);
}
