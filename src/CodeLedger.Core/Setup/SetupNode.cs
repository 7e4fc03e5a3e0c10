namespace CodeLedger.Core.Setup;

/// <summary>
/// A setup file as read, before its meaning: a mapping, a sequence or a scalar, whichever format
/// it came in. The JSON and the YAML reader each build these and one binder
/// (<see cref="SetupBinder"/>) reads the document from them, so both formats accept and refuse the
/// same things with the same messages.
/// </summary>
public abstract record SetupNode
{
    /// <summary>What a message calls this kind of node.</summary>
    public abstract string Kind { get; }
}

public sealed record SetupMapping(IReadOnlyList<KeyValuePair<string, SetupNode>> Entries) : SetupNode
{
    public override string Kind => "a mapping";
}

public sealed record SetupSequence(IReadOnlyList<SetupNode> Items) : SetupNode
{
    public override string Kind => "a list";
}

/// <summary>A scalar as its text; null for JSON null, YAML <c>~</c>, <c>null</c> or an empty value.</summary>
public sealed record SetupScalar(string? Text) : SetupNode
{
    public override string Kind => Text is null ? "null" : "a value";
}
