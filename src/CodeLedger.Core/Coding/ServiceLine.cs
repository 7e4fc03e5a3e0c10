using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coding;

/// <summary>
/// One billed service (X12 837P loop 2400, SV1): procedure code, up to four modifiers, units,
/// charge and up to four pointers (1-based) into the claim's ordered diagnoses.
/// </summary>
public sealed record ServiceLine
{
    public const int MaxModifiers = 4;
    public const int MaxPointers = 4;

    public ServiceLine(ProcedureCode code, IReadOnlyList<Modifier> modifiers, decimal units, Money charge, IReadOnlyList<int> pointers)
    {
        if (modifiers.Count > MaxModifiers)
        {
            throw new DomainException(CodingErrors.LineModifiers, $"{code}: at most {MaxModifiers} modifiers, got {modifiers.Count}");
        }

        if (pointers.Count > MaxPointers)
        {
            throw new DomainException(CodingErrors.LinePointers, $"{code}: at most {MaxPointers} diagnosis pointers, got {pointers.Count}");
        }

        if (pointers.Any(p => p is < 1 or > CodingResult.MaxDiagnoses))
        {
            throw new DomainException(CodingErrors.LinePointers, $"{code}: diagnosis pointers must be 1 to {CodingResult.MaxDiagnoses}");
        }

        if (units <= 0 || decimal.Round(units, 3) != units)
        {
            throw new DomainException(CodingErrors.LineUnits, $"{code}: units must be positive with at most three decimals, got {units}");
        }

        if (charge < Money.Zero)
        {
            throw new DomainException(CodingErrors.LineCharge, $"{code}: charge cannot be negative");
        }

        Code = code;
        Modifiers = [.. modifiers];
        Units = units;
        Charge = charge;
        Pointers = [.. pointers];
    }

    public ProcedureCode Code { get; }

    public IReadOnlyList<Modifier> Modifiers { get; }

    public decimal Units { get; }

    public Money Charge { get; }

    public IReadOnlyList<int> Pointers { get; }

    public bool Equals(ServiceLine? other) =>
        other is not null && Code == other.Code && Units == other.Units && Charge == other.Charge
        && Modifiers.SequenceEqual(other.Modifiers) && Pointers.SequenceEqual(other.Pointers);

    public override int GetHashCode() => HashCode.Combine(Code, Units, Charge, Modifiers.Count, Pointers.Count);
}
