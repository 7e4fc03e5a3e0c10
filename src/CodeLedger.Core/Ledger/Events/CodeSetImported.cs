namespace CodeLedger.Core.Ledger.Events;

/// <summary>An official code-set release was imported, identified by the SHA-256 of its file. Subject: the release label, e.g. <c>icd10cm@2025-10-01</c>.</summary>
public sealed record CodeSetImported(string Kind, DateOnly EffectiveDate, DateOnly? EffectiveThrough, string FileName, string Sha256, int Entries) : ILedgerEvent
{
    public static string Type => "codeset.imported";
}
