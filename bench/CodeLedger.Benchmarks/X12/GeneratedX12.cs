using CodeLedger.X12.Workloads;

namespace CodeLedger.Benchmarks.X12;

/// <summary>The deterministic generated file every X12 benchmark reads, its size and claims printed once.</summary>
internal static class GeneratedX12
{
    public static byte[] Create(X12FileKind kind, int size)
    {
        var stream = new MemoryStream();
        var claims = X12SyntheticFile.Write(stream, kind, size, X12SyntheticFile.BenchmarkSeed);
        var file = stream.ToArray();
        Console.WriteLine($"// {kind}: {file.Length:N0} bytes, {claims:N0} claims");
        return file;
    }
}
