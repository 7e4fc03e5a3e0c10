namespace CodeLedger.Core.CodeSets;

/// <summary>MUE adjudication indicator (MAI), FACTS.md §2.3.</summary>
public enum MueAdjudication : byte
{
    /// <summary>1: claim line edit; each line is checked on its own.</summary>
    Line = 1,

    /// <summary>2: date-of-service edit, policy: an absolute limit per day.</summary>
    DateOfServicePolicy = 2,

    /// <summary>3: date-of-service edit, clinical benchmark: units summed over the day.</summary>
    DateOfServiceClinical = 3,
}
