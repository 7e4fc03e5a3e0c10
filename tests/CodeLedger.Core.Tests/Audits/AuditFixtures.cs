using System.Globalization;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Workflow;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Audits;

/// <summary>Populations, codings and the real 2026 pricing the audit tests share.</summary>
internal static class AuditFixtures
{
    public static readonly Guid Practice = new("11111111-1111-1111-1111-111111111111");

    public static readonly DateOnly Dos = new(2026, 3, 2);

    /// <summary>The names the report prints: the practice's code and the four fixture coders' user names (c0…0 to c0…3).</summary>
    public static readonly AuditNames Names = new("NORTHSIDE-FM",
        Enumerable.Range(0, 4).ToDictionary(i => Guid.Parse($"c0000000-0000-0000-0000-{i:D12}"), i => $"coder.{(char)('a' + i)}"));

    private static readonly Lazy<RvuAuditPricing> Real2026 = new(LoadPricing);

    /// <summary>The real CY2026 E/M excerpt (RVU26A) and the real conversion factors.</summary>
    public static RvuAuditPricing Pricing2026 => Real2026.Value;

    /// <summary>A valid NPI from nine digits (the tenth is the Luhn check digit).</summary>
    public static Npi Npi(int n)
    {
        var nine = (123400000 + n).ToString(CultureInfo.InvariantCulture);
        return CodeLedger.Core.Codes.Npi.Parse(nine + CodeLedger.Core.Codes.Npi.CheckDigit(nine));
    }

    public static Guid Id(int i) => new($"00000000-0000-0000-0000-{i:D12}");

    /// <summary>Encounters ENC-0001..ENC-nnnn with ids 0..01..n, physicians round-robin, two specialties, all in March 2026.</summary>
    public static List<AuditPopulationMember> Population(int count, int physicians = 3, Func<int, int>? physicianOf = null) =>
        [.. Enumerable.Range(1, count).Select(i => new AuditPopulationMember(
            Id(i), $"ENC-{i:D4}", Npi(physicianOf?.Invoke(i) ?? (i % physicians)), i % 2 == 0 ? "family-medicine" : "cardiology", Guid.Parse($"c0000000-0000-0000-0000-{(i % 4):D12}"), Dos.AddDays(i % 20)))];

    public static AuditPlan Plan(int? size = 5, string seed = "codeledger-audit-2026", AuditKind kind = AuditKind.Independent, decimal floor = 0.95m,
        decimal? margin = null, decimal? expected = null, AuditStratification stratification = AuditStratification.None, AuditAllocation allocation = AuditAllocation.Proportional, int? perStratum = null) =>
        AuditPlan.Create(Practice, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), seed, size, margin, expected, stratification, allocation, perStratum, kind: kind, floor: floor);

    public static CodingSubmission Coding(string json) => CodingSubmission.Parse(json);

    private static RvuAuditPricing LoadPricing()
    {
        var rvuPath = RepoPaths.Data("pfs-rvu", "PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv");
        using var rvu = File.OpenText(rvuPath);
        var entries = RvuFileReader.Read(rvu, Path.GetFileName(rvuPath));
        var release = new RvuRelease(new CodeSetReleaseInfo(CodeSetKind.Rvu, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Path.GetFileName(rvuPath), new string('0', 64), entries.Count), entries);
        var cfPath = RepoPaths.Data("pfs-rvu", "conversion_factors_2024_2026.csv");
        using var cf = File.OpenText(cfPath);
        return new RvuAuditPricing([release], ConversionFactorTable.Read(cf, Path.GetFileName(cfPath)));
    }
}
