namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A re-imported encounter carried corrected patient demographics, and they replaced the stored
/// ones. The event names which fields changed (familyName, givenName, birthDate, sex, memberId),
/// never their values: demographics are PHI. Subject: the encounter's external id.
/// </summary>
public sealed record PatientCorrected(Guid Encounter, IReadOnlyList<string> Fields) : ILedgerEvent
{
    public static string Type => "patient.corrected";
}
