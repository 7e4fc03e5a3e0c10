namespace CodeLedger.X12;

public enum X12Severity
{
    /// <summary>The file is usable; something in it deserves a look (a guide variant, an unbalanced remittance).</summary>
    Warning,

    /// <summary>The file breaks a rule of the standard or the guide; nothing from it may be imported.</summary>
    Error,
}
