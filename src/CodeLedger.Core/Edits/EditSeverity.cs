namespace CodeLedger.Core.Edits;

public enum EditSeverity
{
    /// <summary>The payer's front end would reject or deny: fix before submission.</summary>
    Error,

    /// <summary>Likely a mistake or a lost payment, but the claim can go.</summary>
    Warning,
}
