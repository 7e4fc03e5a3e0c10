namespace CodeLedger.Benchmarks.CodeSets;

/// <summary>Finds ../shared/data from the benchmark's working folder (BenchmarkDotNet runs from bin/...).</summary>
internal static class BenchData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }

        throw new InvalidOperationException($"shared/data not found above {AppContext.BaseDirectory}");
    }
}
