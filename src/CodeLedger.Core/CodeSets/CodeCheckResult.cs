namespace CodeLedger.Core.CodeSets;

/// <summary>
/// What CodeLedger knows of one code on one date of service. <see cref="Problem"/> is null when
/// the code may be billed on the date, otherwise the edit rule id that would fire.
/// </summary>
public sealed record CodeCheckResult(
    string Code,
    string System,
    string? Descriptor,
    bool? Billable,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveThrough,
    DateOnly DateOfService,
    string? Problem,
    string Message)
{
    public bool Valid => Problem is null;
}
