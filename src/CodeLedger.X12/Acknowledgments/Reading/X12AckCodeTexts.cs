namespace CodeLedger.X12.Acknowledgments.Reading;

/// <summary>
/// What the 999 and TA1 codes mean, for a person reading why a file was rejected (X12 code lists
/// 620 IK304, 621 IK403, 718 IK502, 716 AK905, I18 TA105; FACTS.md §4.4, wording [U]).
/// </summary>
public static class X12AckCodeTexts
{
    public static string Segment(string code) => code switch
    {
        "1" => "unrecognized segment ID",
        "2" => "unexpected segment",
        "3" => "required segment missing",
        "4" => "loop occurs over maximum times",
        "5" => "segment exceeds maximum use",
        "6" => "segment not in defined transaction set",
        "7" => "segment not in proper sequence",
        "8" => "segment has data element errors",
        "I4" => "implementation \"not used\" segment present",
        "I6" => "implementation dependent segment missing",
        "I7" => "implementation loop occurs under minimum times",
        "I8" => "implementation segment below minimum use",
        "I9" => "implementation dependent \"not used\" segment present",
        _ => "segment error",
    };

    public static string Element(string code) => code switch
    {
        "1" => "required data element missing",
        "2" => "conditional required data element missing",
        "3" => "too many data elements",
        "4" => "data element too short",
        "5" => "data element too long",
        "6" => "invalid character in data element",
        "7" => "invalid code value",
        "8" => "invalid date",
        "9" => "invalid time",
        "10" => "exclusion condition violated",
        "12" => "too many repetitions",
        "13" => "too many components",
        "I6" => "code value not used in implementation",
        "I9" => "implementation dependent data element missing",
        "I10" => "implementation \"not used\" data element present",
        "I11" => "implementation too few repetitions",
        "I12" => "implementation pattern match failure",
        "I13" => "implementation dependent \"not used\" data element present",
        _ => "data element error",
    };

    public static string Set(string code) => code switch
    {
        "1" => "transaction set not supported",
        "2" => "transaction set trailer missing",
        "3" => "transaction set control number in header and trailer do not match",
        "4" => "number of included segments does not match actual count",
        "5" => "one or more segments in error",
        "6" => "missing or invalid transaction set identifier",
        "7" => "missing or invalid transaction set control number",
        "23" => "transaction set control number not unique within the functional group",
        "I5" => "implementation one or more segments in error",
        "I6" => "implementation convention not supported",
        _ => "transaction set error",
    };

    public static string Group(string code) => code switch
    {
        "1" => "functional group not supported",
        "2" => "functional group version not supported",
        "3" => "functional group trailer missing",
        "4" => "group control number in the functional group header and trailer do not agree",
        "5" => "number of included transaction sets does not match actual count",
        "6" => "group control number violates syntax",
        "19" => "functional group control number not unique within interchange",
        _ => "functional group error",
    };

    public static string Note(string code) => code switch
    {
        "000" => "no error",
        "001" => "interchange control number in header and trailer do not match",
        "017" => "invalid interchange version ID",
        "018" => "invalid interchange control number",
        "021" => "invalid number of included groups",
        "022" => "invalid control structure",
        "023" => "improper (premature) end-of-file",
        "024" => "invalid interchange content",
        "026" => "invalid data element separator",
        _ => "interchange error",
    };
}
