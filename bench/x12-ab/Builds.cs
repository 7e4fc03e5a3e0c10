using System.Globalization;
using System.Runtime.Loader;

/// <summary>The arguments both modes take, checked, and a build of CodeLedger.X12 loaded on its own.</summary>
internal static class Builds
{
    /// <summary>What is wrong with the arguments, in one line, or null when nothing is.</summary>
    public static string? Problem(string file, string rounds, IEnumerable<string> dirs)
    {
        if (!File.Exists(file))
        {
            return $"{file}: no such file";
        }

        if (!int.TryParse(rounds, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 4)
        {
            return $"ROUNDS '{rounds}' must be a whole number of at least 4 (the first three warm up)";
        }

        return dirs.Where(dir => !File.Exists(Path.Combine(dir, "CodeLedger.X12.dll")))
            .Select(dir => $"{dir}: no CodeLedger.X12.dll there (build one with `dotnet build src/CodeLedger.X12 -c Release -o {dir}`)")
            .FirstOrDefault();
    }

    /// <summary>
    /// The build's <c>X12Parser.Parse(Stream)</c> over <paramref name="data"/>, in an assembly load
    /// context of its own so that several builds of the same assembly can run in one process.
    /// </summary>
    public static Action Parser(string dir, byte[] data)
    {
        var context = new AssemblyLoadContext(dir, isCollectible: false);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(dir, "CodeLedger.X12.dll")));
        var parse = assembly.GetType("CodeLedger.X12.X12Parser")!.GetMethods()
            .First(m => m.Name == "Parse" && m.GetParameters()[0].ParameterType == typeof(Stream));
        return () => parse.Invoke(null, [new MemoryStream(data, writable: false), null]);
    }
}
