namespace CodeLedger.X12.Throughput;

/// <summary>A bad option or a file that cannot be read or written: one line and exit 2, never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
