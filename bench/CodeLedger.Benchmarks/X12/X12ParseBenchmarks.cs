using BenchmarkDotNet.Attributes;
using CodeLedger.X12;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Workloads;

namespace CodeLedger.Benchmarks.X12;

/// <summary>
/// Throughput of the X12 reader alone and of the full parse into typed claims, on deterministic
/// generated files (X12SyntheticFile). Run: dotnet run -c Release --project bench/CodeLedger.Benchmarks -- --filter '*X12Parse*'
/// Bytes per second = file size / mean; the file sizes are printed in the setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class X12ParseBenchmarks
{
    private byte[] _file = [];

    [Params(X12FileKind.Remittance835, X12FileKind.Claim837P)]
    public X12FileKind Kind { get; set; }

    [Params(50_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = GeneratedX12.Create(Kind, Size);
    }

    [Benchmark(Description = "reader: segments only")]
    public long ReadSegments()
    {
        var reader = new X12Reader(_file);
        long count = 0;
        while (reader.Read())
        {
            count += reader.Segment.Raw.Length;
        }

        return count;
    }

    [Benchmark(Description = "parse: envelope + typed claims (rows)")]
    public long ParseTyped()
    {
        var sink = new CountingSink();
        X12Parser.Parse(_file, new X12ParseOptions { Sink = sink });
        return sink.Claims;
    }

    [Benchmark(Description = "parse: envelope + typed claims as records")]
    public long ParseRecords()
    {
        var sink = new RecordSink();
        X12Parser.Parse(_file, new X12ParseOptions { Sink = sink });
        return sink.Claims;
    }

    [Benchmark(Description = "parse from stream (64 KiB buffers)")]
    public long ParseStream()
    {
        var sink = new CountingSink();
        X12Parser.Parse(new MemoryStream(_file, writable: false), new X12ParseOptions { Sink = sink });
        return sink.Claims;
    }
}
