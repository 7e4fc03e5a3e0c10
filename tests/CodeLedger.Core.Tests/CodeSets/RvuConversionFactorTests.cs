using System.Text;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.CodeSets;

/// <summary>
/// A PPRRVU release carries its own conversion factor (CMS's CONV FACTOR column), found by its header
/// because CMS moved it one column right in 2026; the monthly package prices E/M levels with it
/// (RvuReleasePricing), so a practice needs no second file to see the revenue difference.
/// </summary>
public sealed class RvuConversionFactorTests
{
    private static RvuRelease Import(string file, DateOnly effective) => (RvuRelease)CodeSetImporter.Import(CodeSetKind.Rvu, RepoPaths.Data("pfs-rvu", file), effective);

    [Fact]
    public void Rvu25d_carries_the_2025_factor_and_rvu26a_the_2026_non_apm_factor_a_column_further_right()
    {
        // conversion_factors_2024_2026.csv: 2025 32.3465 (CMS-1807-F); 2026 non-qualifying APM 33.4009 (FACTS.md §7).
        var rvu25 = Import("PPRRVU2025_Oct.csv.gz", new DateOnly(2025, 10, 1));
        var rvu26 = Import("PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv", new DateOnly(2026, 1, 1));

        Assert.Equal(32.3465m, rvu25.ConversionFactor);
        Assert.All(rvu25.Entries, e => Assert.Equal(32.3465m, e.ConversionFactor));
        Assert.Equal(33.4009m, rvu26.ConversionFactor);
    }

    [Fact]
    public void The_factor_survives_the_release_index()
    {
        var rvu26 = Import("PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv", new DateOnly(2026, 1, 1));
        var back = (RvuRelease)CodeSetIndex.Read(rvu26.Info, CodeSetIndex.Write(rvu26).Content);
        Assert.Equal(33.4009m, back.ConversionFactor);
        Assert.Equal(rvu26.Entries.Select(e => e.ConversionFactor), back.Entries.Select(e => e.ConversionFactor));
    }

    [Fact]
    public void A_file_without_the_column_imports_with_no_factor_and_a_bad_factor_is_refused_by_line_and_field()
    {
        const string header = "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS";
        const string row = "99213,,Office visit,A,,1.30,1.46,,0.33,,0.09,2.85,1.72,0,XXX";
        var none = (RvuRelease)CodeSetImporter.Import(CodeSetKind.Rvu, Encoding.ASCII.GetBytes($"{header}\n{row}\n"), "nofactor.csv", new DateOnly(2026, 1, 1), null);
        Assert.Null(none.ConversionFactor);
        Assert.Throws<DomainException>(() => new RvuReleasePricing(new CodeSetLibrary([none])).ConversionFactor(new DateOnly(2026, 3, 1)));

        var bad = Assert.Throws<CodeSetFormatException>(() => CodeSetImporter.Import(CodeSetKind.Rvu,
            Encoding.ASCII.GetBytes($"{header},BASE,FACTOR\n{row},,33.4O09\n"), "badfactor.csv", new DateOnly(2026, 1, 1), null));
        Assert.Contains("badfactor.csv", bad.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", bad.Message, StringComparison.Ordinal);
        Assert.Contains("conversion factor", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_pricing_gives_facts_2026_office_amounts_and_nothing_on_a_date_no_release_covers()
    {
        var rvu26 = Import("PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv", new DateOnly(2026, 1, 1));
        var pricing = new RvuReleasePricing(new CodeSetLibrary([rvu26]));
        var day = new DateOnly(2026, 10, 1);

        // FACTS.md §7: 99213 2.85 RVU × 33.4009 = $95.19; 99204 5.31 × 33.4009 = $177.36.
        Assert.Equal(95.19m, decimal.Round(pricing.Rvu(ProcedureCode.Parse("99213"), [], day)!.Value * pricing.ConversionFactor(day), 2));
        Assert.Equal(177.36m, decimal.Round(pricing.Rvu(ProcedureCode.Parse("99204"), [], day)!.Value * pricing.ConversionFactor(day), 2));
        Assert.Null(pricing.Rvu(ProcedureCode.Parse("99213"), [], new DateOnly(2025, 12, 31)));
    }
}
