using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>One line of an ICD-10-CM order file: a billable code or a header (category or subcategory).</summary>
public sealed record IcdEntry(IcdCode Code, bool Billable, string ShortDescription, string LongDescription)
{
    /// <summary>
    /// Titled "in diseases classified elsewhere": a manifestation code that may never be
    /// first-listed (ICD-10-CM Official Guidelines I.A.13, etiology/manifestation convention; FACTS.md §3).
    /// </summary>
    public bool IsManifestation { get; } = LongDescription.Contains("in diseases classified elsewhere", StringComparison.OrdinalIgnoreCase);
}
