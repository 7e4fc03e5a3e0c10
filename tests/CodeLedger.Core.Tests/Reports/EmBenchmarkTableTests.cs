using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Reports;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Reports;

public sealed class EmBenchmarkTableTests
{
    private const string Header = "specialty,patient_type,code,share,data_year,source\n";

    [Fact]
    public void The_shipped_table_has_a_source_and_year_for_every_benchmark_and_shares_that_sum_to_one()
    {
        var all = EmBenchmarkTable.Default.All.ToList();

        Assert.Equal(6, all.Count); // family medicine new and established; internal medicine, cardiology, pulmonary and infectious disease new
        Assert.All(all, b =>
        {
            Assert.InRange(b.Shares.Sum(), 0.99m, 1.01m);
            Assert.Equal(1.0, b.Normalized.Sum(), 12);
            Assert.NotEmpty(b.Source);
            Assert.NotEmpty(b.DataYear);
        });
    }

    [Fact]
    public void The_shipped_table_agrees_with_the_shared_em_benchmarks_file_where_both_cover_a_specialty()
    {
        var shared = File.ReadAllLines(RepoPaths.Data("em-benchmarks", "em_benchmarks.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).ToList();
        var compared = 0;
        foreach (var f in shared)
        {
            var type = f[1] == "new" ? PatientType.New : PatientType.Established;
            var benchmark = EmBenchmarkTable.Default.Find(Specialty.Parse(f[0].Replace(' ', '-')), type);
            Assert.NotNull(benchmark);
            var index = EmLevels.Of(type).ToList().IndexOf(f[2]);
            Assert.Equal(decimal.Parse(f[3], CultureInfo.InvariantCulture), benchmark.Shares[index]);
            compared++;
        }

        Assert.Equal(25, compared);
    }

    [Fact]
    public void Cardiology_has_no_established_patient_benchmark() =>
        Assert.Null(EmBenchmarkTable.Default.Find(Specialty.Parse("cardiology"), PatientType.Established));

    [Fact]
    public void A_users_file_replaces_the_table_and_accepts_specialties_spelled_with_spaces()
    {
        var table = ReportFixtures.Table(Header
            + "general surgery,new,99202,0.1,2024,practice survey\n"
            + "general surgery,new,99203,0.2,2024,practice survey\n"
            + "general surgery,new,99204,0.3,2024,practice survey\n"
            + "general surgery,new,99205,\"0.4\",2024,\"survey, internal\"\n");

        var benchmark = table.Find(Specialty.Parse("general-surgery"), PatientType.New);

        Assert.Equal([0.1m, 0.2m, 0.3m, 0.4m], benchmark!.Shares);
        Assert.Null(table.Find(Specialty.Parse("family-medicine"), PatientType.New));
    }

    [Theory]
    [InlineData("specialty,patient_type,code,share,data_year\n", "line 1 has no column 'source'")]
    [InlineData(Header + "cardiology,new,99201,0.1,2023,x\n", "line 2, code 99201 was deleted on 2021-01-01")]
    [InlineData(Header + "cardiology,old,99202,0.1,2023,x\n", "line 2, patient_type 'old' is not new or established")]
    [InlineData(Header + "cardiology,new,99212,0.1,2023,x\n", "line 2, code '99212' is not a new-patient office E/M level")]
    [InlineData(Header + "cardiology,new,99202,43.18%,2023,x\n", "line 2, share '43.18%' is not a fraction between 0 and 1")]
    [InlineData(Header + "cardiology,new,99202,0.1,,x\n", "line 2, data_year is empty")]
    [InlineData(Header + "cardiology,new,99202,0.1,2023\n", "line 2 has 5 fields; the header has 6")]
    [InlineData(Header + "cardiology,new,99202,0.1,2023,\"x\n", "line 2: a quoted field is not closed")]
    [InlineData(Header + "Card iology!,new,99202,0.1,2023,x\n", "line 2, specialty:")]
    [InlineData(Header + "cardiology,new,99202,0.1,2023,x\ncardiology,new,99202,0.1,2023,x\n", "line 3, code 99202 for cardiology new patients is already on line 2")]
    [InlineData(Header + "cardiology,new,99202,0.1,2023,x\ncardiology,new,99203,0.9,2023,x\n", "have no share for 99204, 99205")]
    [InlineData(Header + "cardiology,new,99202,0.1,2023,x\ncardiology,new,99203,0.2,2023,x\ncardiology,new,99204,0.3,2023,x\ncardiology,new,99205,0.42,2023,x\n",
        "cardiology new patients (lines 2–5): the shares sum to 1.02, not 1 ± 0.01")]
    public void A_bad_file_is_refused_naming_the_file_the_line_and_the_field(string csv, string message)
    {
        var error = Assert.Throws<DomainException>(() => ReportFixtures.Table(csv));

        Assert.Equal("REPORT-BENCHMARKS", error.Code);
        Assert.StartsWith("test-benchmarks.csv: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_within_the_rounding_tolerance_are_accepted()
    {
        // Internal medicine's published new-patient shares sum to 0.999.
        var im = EmBenchmarkTable.Default.Find(Specialty.Parse("internal-medicine"), PatientType.New)!;

        Assert.Equal(0.999m, im.Shares.Sum());
    }
}
