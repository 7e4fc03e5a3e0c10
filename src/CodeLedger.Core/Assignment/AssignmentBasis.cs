namespace CodeLedger.Core.Assignment;

public enum AssignmentBasis
{
    /// <summary>A qualified coder who works the specialty.</summary>
    Primary,

    /// <summary>No primary coder was available: a coder qualified for the specialty who does not usually work it.</summary>
    Backup,

    /// <summary>No qualified coder is available: the encounter waits, flagged.</summary>
    Uncovered,
}
