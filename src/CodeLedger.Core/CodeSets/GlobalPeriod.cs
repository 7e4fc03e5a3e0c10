namespace CodeLedger.Core.CodeSets;

/// <summary>
/// The global surgery period of the fee schedule (PPRRVU "GLOB DAYS"). 000 and 010 are minor
/// procedures: an E/M the same day is included unless it carries modifier 25 (NCCI Policy Manual
/// ch. 1 §D; FACTS.md §2.1).
/// </summary>
public enum GlobalPeriod
{
    /// <summary>XXX, or no RVU row: the global concept does not apply.</summary>
    NotApplicable,

    /// <summary>000: endoscopies and some minor procedures; same day only.</summary>
    Days0,

    /// <summary>010: minor procedures, 10 days after.</summary>
    Days10,

    /// <summary>090: major procedures, 1 day before and 90 after.</summary>
    Days90,

    /// <summary>MMM: maternity codes.</summary>
    Maternity,

    /// <summary>YYY: the contractor sets the period.</summary>
    CarrierDetermined,

    /// <summary>ZZZ: an add-on code within another service's global period.</summary>
    AddOn,
}
