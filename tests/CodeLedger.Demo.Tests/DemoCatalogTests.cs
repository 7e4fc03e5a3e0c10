using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;

namespace CodeLedger.Demo.Tests;

public class DemoCatalogTests
{
    [Fact]
    public void Every_diagnosis_of_the_demo_is_billable_in_the_starter_set()
    {
        var starter = StarterCodeSet.Library();
        var date = new DateOnly(2026, 10, 15);
        var codes = DemoCatalog.FamilyMedicine.Concat(DemoCatalog.Cardiology).Select(c => c.Icd).Distinct();
        Assert.All(codes, code => Assert.True(CodeChecker.Check(starter, code, date).Valid, code));
    }
}
