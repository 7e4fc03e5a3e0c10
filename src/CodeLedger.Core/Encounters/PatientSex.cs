namespace CodeLedger.Core.Encounters;

/// <summary>Administrative sex as X12 DMG03 carries it: F, M or U (unknown).</summary>
public enum PatientSex
{
    Unknown,
    Female,
    Male,
}
