namespace CodeLedger.X12.Guide;

/// <summary>Code lists several guides share, named in the tables as @NAME.</summary>
internal static class X12CodeLists
{
    /// <summary>
    /// N402: code source 22, "States and Provinces": the US states, DC, the territories and
    /// military post codes, and the Canadian provinces and territories.
    /// </summary>
    public const string States =
        "AL,AK,AZ,AR,CA,CO,CT,DE,DC,FL,GA,HI,ID,IL,IN,IA,KS,KY,LA,ME,MD,MA,MI,MN,MS,MO,MT,NE,NV,NH,NJ,NM,NY,NC,ND,OH,OK,OR,PA,RI,SC,SD,TN,TX,UT,VT,VA,WA,WV,WI,WY,"
        + "AS,FM,GU,MH,MP,PW,PR,VI,AA,AE,AP,"
        + "AB,BC,MB,NB,NL,NS,NT,NU,ON,PE,QC,SK,YT";

    /// <summary>DTP02 / DTM date-time format qualifiers the health care guides use.</summary>
    public const string DateFormats = "D8,RD8";

    public static Dictionary<string, string> Shared() => new()
    {
        ["STATES"] = States,
        ["DATEFORMATS"] = DateFormats,
        ["CAS"] = "CO,OA,PI,PR",
        ["CLAIMFILING"] = "12,13,14,15,16,17,AM,CH,DS,HM,LM,MA,MB,MC,OF,TV,VA,WC,ZZ",
        ["CONTACT"] = "EM,EX,FX,TE,UR",
        ["NAMEID"] = "24,34,46,BD,BS,FI,HN,II,MC,MI,MR,NI,PC,PI,PP,SL,SV,UP,XV,XX,C,AD",
    };
}
