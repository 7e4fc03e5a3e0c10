using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;
using static CodeLedger.Core.Tests.Turnaround.Contracts;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class SlaContractChoiceTests
{
    private static readonly SlaMonth March = SlaMonth.Parse("2026-03");
    private static readonly SlaContract Acme = Chicago();
    private static readonly SlaContract Rival = Chicago();

    private static string Code(Guid vendor) => vendor == Acme.VendorId ? "ACME" : "RIVAL";

    private static SlaContract Choose(IReadOnlyList<SlaContract> inForce, Guid? vendor = null) => SlaContractChoice.Choose(inForce, vendor, Code, "FM-NORTH", March);

    [Fact]
    public void Practice_with_one_vendor_gets_that_vendors_contract_without_naming_it() => Assert.Same(Acme, Choose([Acme]));

    [Fact]
    public void Practice_with_two_vendors_must_name_one_and_the_refusal_names_both()
    {
        var e = Assert.Throws<DomainException>(() => Choose([Acme, Rival]));

        Assert.Equal("SLA-VENDOR-REQUIRED", e.Code);
        Assert.Contains("ACME, RIVAL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_vendor_gets_its_own_contract() => Assert.Same(Rival, Choose([Acme, Rival], Rival.VendorId));

    [Fact]
    public void Named_vendor_without_a_contract_in_force_is_refused()
    {
        Assert.Equal("SLA-NO-CONTRACT", Assert.Throws<DomainException>(() => Choose([Acme], Rival.VendorId)).Code);
        Assert.Equal("SLA-NO-CONTRACT", Assert.Throws<DomainException>(() => Choose([])).Code);
    }
}
