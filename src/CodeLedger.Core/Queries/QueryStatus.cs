namespace CodeLedger.Core.Queries;

public enum QueryStatus
{
    /// <summary>Waiting for the physician, before its due instant.</summary>
    Open,

    /// <summary>The physician answered in time.</summary>
    Answered,

    /// <summary>No answer by the due instant: the encounter was coded to what is documented.</summary>
    Unresolved,
}
