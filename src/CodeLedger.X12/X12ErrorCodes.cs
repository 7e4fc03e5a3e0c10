namespace CodeLedger.X12;

/// <summary>
/// The stable identifiers of every finding the reader reports. Codes never change meaning once
/// released; docs/X12.md lists each with its cause. Tests assert these, never message text.
/// </summary>
public static class X12ErrorCodes
{
    // 00xx: the input is not an X12 interchange at all (exit status 2).
    public const string EmptyInput = "X12-0001";
    public const string NotX12 = "X12-0002";
    public const string Utf16 = "X12-0003";

    // 01xx: interchange envelope (ISA/IEA).
    public const string IsaLength = "X12-0101";
    public const string IsaSeparators = "X12-0102";
    public const string VersionNotSupported = "X12-0103";
    public const string MissingIea = "X12-0104";
    public const string InterchangeControlMismatch = "X12-0105";
    public const string GroupCountMismatch = "X12-0106";
    public const string InvalidInterchangeControlNumber = "X12-0107";
    public const string OutsideInterchange = "X12-0108";
    public const string Unterminated = "X12-0109";
    public const string SegmentTooLong = "X12-0110";
    public const string FinalTerminatorMissing = "X12-0111";

    // 02xx: functional group (GS/GE).
    public const string MissingGe = "X12-0201";
    public const string GroupControlMismatch = "X12-0202";
    public const string TransactionCountMismatch = "X12-0203";
    public const string GroupVersionNotSupported = "X12-0204";
    public const string OutsideGroup = "X12-0205";

    /// <summary>GS06 used by an earlier group of the same interchange (AK905 19).</summary>
    public const string DuplicateGroupControlNumber = "X12-0206";

    // 03xx: transaction set (ST/SE).
    public const string MissingSe = "X12-0301";
    public const string TransactionControlMismatch = "X12-0302";
    public const string SegmentCountMismatch = "X12-0303";
    public const string TransactionNotSupported = "X12-0304";
    public const string GuideVariant = "X12-0305";

    /// <summary>ST02 used by an earlier set of the same group (IK502 23).</summary>
    public const string DuplicateTransactionControlNumber = "X12-0306";

    // 04xx: segments inside a transaction set.
    public const string InvalidSegmentId = "X12-0401";
    public const string SegmentOutOfOrder = "X12-0402";
    public const string RequiredSegmentMissing = "X12-0403";
    public const string SegmentRepeatExceeded = "X12-0404";

    // 05xx: elements.
    public const string RequiredElementMissing = "X12-0501";
    public const string InvalidNumber = "X12-0502";
    public const string InvalidHierarchy = "X12-0503";
    public const string InvalidCode = "X12-0504";
    public const string TooManyRepeats = "X12-0505";
    public const string InvalidDate = "X12-0506";

    // Guide-level element rules (the per-guide tables in Guide/): IK403 5, 4, I10 and 9.
    public const string ElementTooLong = "X12-0507";
    public const string ElementTooShort = "X12-0508";
    public const string NotUsedElementPresent = "X12-0509";
    public const string InvalidTime = "X12-0510";

    // 06xx: 835 balancing (X12 RFIs #2348, #2601; FACTS.md §4.3). Warnings.
    public const string ServiceNotBalanced = "X12-0601";
    public const string ClaimNotBalanced = "X12-0602";
    public const string TransactionNotBalanced = "X12-0603";
}
