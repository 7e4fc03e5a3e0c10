namespace CodeLedger.Core.Denials;

/// <summary>
/// Why money was denied, as the team that can fix it sees it (issue 18, FACTS §5): coding
/// (codes, modifiers, diagnosis linkage, documentation of the level or necessity), billing and
/// front end (eligibility, registration, authorization, timely filing, missing data), credentialing
/// (the provider not enrolled or certified), the payer's plan (not covered, benefit maximum), other.
/// Duplicate-claim denials (CARC 18) are their own cause, counted apart as the industry does.
/// <see cref="NotDenial"/> is money that was never denied: deductible, coinsurance, copay,
/// contractual reductions to the fee schedule, sequestration.
/// </summary>
public enum DenialRootCause
{
    NotDenial,
    Coding,
    BillingFrontEnd,
    Credentialing,
    Payer,
    Duplicate,
    Other,
}
