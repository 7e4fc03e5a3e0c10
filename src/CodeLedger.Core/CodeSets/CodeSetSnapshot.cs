namespace CodeLedger.Core.CodeSets;

/// <summary>The release of each kind in force on one date; a kind with no release covering the date is null.</summary>
public sealed record CodeSetSnapshot(
    DateOnly Date,
    IcdRelease? Icd,
    HcpcsRelease? Hcpcs,
    RvuRelease? Rvu,
    PtpRelease? Ptp,
    MueRelease? Mue,
    CptRelease? Cpt);
