using System.Text.Json;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A coding version was submitted: every code, the E/M documentation it was leveled from (so an
/// auditor can re-run the level from the ledger alone) and what the edit engine found. Subject:
/// the encounter's external id.
/// </summary>
/// <param name="Em">The coder's abstraction of the note's MDM and time, in the <c>em level</c> input shape; null when none was given.</param>
/// <param name="WaitingFor">Why the version was not finalized; null when it was.</param>
public sealed record CodingSubmitted(
    Guid Encounter,
    int Version,
    string Coder,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<CodingSubmitted.Line> Lines,
    JsonElement? Em,
    IReadOnlyList<CodingSubmitted.Finding> Findings,
    int Errors,
    int Warnings,
    WaitingFor? WaitingFor) : ILedgerEvent
{
    public static string Type => "coding.submitted";

    /// <summary>A billed service line; the charge is the money text with two decimals.</summary>
    public sealed record Line(string Code, IReadOnlyList<string> Modifiers, decimal Units, string Charge, IReadOnlyList<int> Pointers);

    /// <summary>An edit finding on the submission, without its message.</summary>
    public sealed record Finding(string Rule, EditSeverity Severity, int? Line, IReadOnlyList<string> Codes);
}
