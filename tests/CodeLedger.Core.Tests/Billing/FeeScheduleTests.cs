using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>A line's charge per unit comes from the version in force on its date of service, priced by code and first modifier, else by code.</summary>
public sealed class FeeScheduleTests
{
    private static FeeScheduleEntry Fee(string code, string? modifier, decimal charge) =>
        new(ProcedureCode.Parse(code), modifier is null ? null : Modifier.Parse(modifier), Money.FromDecimal(charge));

    private static readonly FeeSchedule January = new(new DateOnly(2026, 1, 1), [Fee("93000", null, 45.50m), Fee("93000", "26", 20m), Fee("99213", null, 125m)]);
    private static readonly FeeSchedule July = new(new DateOnly(2026, 7, 1), [Fee("99213", null, 130m)]);

    [Fact]
    public void A_code_priced_with_its_first_modifier_takes_that_charge_else_the_codes_own()
    {
        var code = ProcedureCode.Parse("93000");

        Assert.Equal(Money.FromDecimal(20m), January.ChargeFor(code, [Modifier.Parse("26")]));
        Assert.Equal(Money.FromDecimal(45.50m), January.ChargeFor(code, [Modifier.Parse("59")]));
        Assert.Equal(Money.FromDecimal(45.50m), January.ChargeFor(code, []));
    }

    [Fact]
    public void A_code_the_practice_did_not_price_has_no_charge_rather_than_zero()
    {
        Assert.Null(January.ChargeFor(ProcedureCode.Parse("99215"), []));
    }

    [Fact]
    public void The_version_in_force_is_the_latest_effective_on_or_before_the_date_of_service()
    {
        FeeSchedule[] versions = [July, January];

        Assert.Null(FeeSchedule.InForceOn(versions, new DateOnly(2025, 12, 31)));
        Assert.Same(January, FeeSchedule.InForceOn(versions, new DateOnly(2026, 1, 1)));
        Assert.Same(January, FeeSchedule.InForceOn(versions, new DateOnly(2026, 6, 30)));
        Assert.Same(July, FeeSchedule.InForceOn(versions, new DateOnly(2026, 7, 1)));
    }
}
