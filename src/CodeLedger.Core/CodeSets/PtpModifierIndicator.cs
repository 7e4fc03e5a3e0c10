namespace CodeLedger.Core.CodeSets;

/// <summary>The NCCI PTP modifier indicator (CCMI), FACTS.md §2.2.</summary>
public enum PtpModifierIndicator : byte
{
    /// <summary>0: no modifier bypasses the edit; the pair is never paid together.</summary>
    NotAllowed = 0,

    /// <summary>1: an NCCI-associated modifier bypasses the edit when documentation supports it.</summary>
    Allowed = 1,

    /// <summary>9: not applicable; the edit was deleted retroactively and never had effect.</summary>
    NotApplicable = 9,
}
