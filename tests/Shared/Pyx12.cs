using System.Diagnostics;

namespace CodeLedger.Testing;

/// <summary>
/// pyx12 (../shared/tools/pyx12-validate), an independent 005010 guide validator, run over one file
/// as an oracle. Tests skip with the reason when it cannot run (no /usr/bin/python3 with
/// python3-defusedxml, or no tool), and fail instead when CI set <see cref="Variable"/> to 1.
/// </summary>
internal static class Pyx12
{
    public const string Variable = "CODELEDGER_TEST_PYX12";

    private static string Tool => Path.Combine(RepoPaths.Root, "..", "shared", "tools", "pyx12-validate");

    public static void Require()
    {
        var available = File.Exists(Tool) && Run("/usr/bin/python3", "-c \"import defusedxml\"", out _) == 0;
        if (!available && Environment.GetEnvironmentVariable(Variable) == "1")
        {
            Assert.Fail($"{Variable}=1 but pyx12 cannot run: {Tool} with /usr/bin/python3 and python3-defusedxml is required");
        }

        Assert.SkipWhen(!available, "pyx12 oracle skipped: /usr/bin/python3 with python3-defusedxml (apt-get install python3-defusedxml) or ../shared/tools/pyx12-validate is missing");
    }

    /// <summary>pyx12's verdict on one file: true OK, false Failure, null when it could not judge (a crash); the output for messages.</summary>
    public static (bool? Ok, string Output) Check(byte[] bytes)
    {
        var folder = Directory.CreateTempSubdirectory("codeledger-pyx12-");
        try
        {
            var path = Path.Combine(folder.FullName, "input.x12");
            File.WriteAllBytes(path, bytes);
            Run("/bin/bash", $"\"{Tool}\" \"{path}\"", out var output);
            bool? ok = output.Contains("input.x12: OK", StringComparison.Ordinal) ? true
                : output.Contains("input.x12: Failure", StringComparison.Ordinal) ? false
                : null;
            return (ok, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Requires pyx12, then whether it passes the file, with the end of its output for a failure message.</summary>
    public static (bool Ok, string Output) Validate(byte[] bytes)
    {
        Require();
        var (ok, output) = Check(bytes);
        return (ok == true, output.Length > 1500 ? output[^1500..] : output);
    }

    private static int Run(string file, string arguments, out string output)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var stderr = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd() + stderr.Result;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output = string.Empty;
            return -1;
        }
    }
}
