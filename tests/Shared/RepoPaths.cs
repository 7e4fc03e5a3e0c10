namespace CodeLedger.Testing;

/// <summary>
/// Finds the repository root (the folder holding CodeLedger.slnx) from wherever the test runs,
/// and the real public data beside it in ../shared/data. Tests never assume the working directory.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Data(params string[] parts) => Path.Combine([SharedData, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeLedger.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CodeLedger.slnx not found above {AppContext.BaseDirectory}");
    }
}
