using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Demo;

/// <summary>Everything the demo creates, in the order it happens.</summary>
public sealed record DemoWorld(
    Organization Vendor,
    IReadOnlyList<DemoPractice> Practices,
    IReadOnlyList<Coder> Coders,
    IReadOnlyList<Encounter> Encounters,
    DateOnly Month);

public sealed record DemoPractice(
    Organization Practice,
    BusinessAssociateAgreement Baa,
    SlaContract Contract,
    IReadOnlyList<Physician> Physicians,
    string TimeZoneId);
