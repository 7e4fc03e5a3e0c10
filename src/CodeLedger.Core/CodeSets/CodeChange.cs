namespace CodeLedger.Core.CodeSets;

public enum CodeChange
{
    Added,
    Deleted,
    Revised,
}
