using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>
/// 005010X222A1 (837P) as the guide validator reads it (FACTS.md §4.2): it names the loop of every
/// segment (the NM1 entity code decides which name loop opens under each HL, CLM opens 2300, SBR
/// inside a claim 2320, LX 2400 …) and checks element lengths, "not used" elements and the code
/// lists the guide fixes (reference and date qualifiers per loop, state codes, BHT, SBR, PAT, CLM
/// and SV1 codes). Required loops, NM101, HL, HI, SV1 composites and service dates stay the
/// builder's checks (marked "r"), so no finding is reported twice.
/// </summary>
internal sealed class Guide837P(X12ParseContext context) : X12GuideValidator(context, Table)
{
    private static readonly string[] Loops =
    [
        "", "1000A", "1000B", "2000A", "2010AA", "2010AB", "2010AC", "2000B", "2010BA", "2010BB", "2000C", "2010CA",
        "2300", "2310A", "2310B", "2310C", "2310D", "2310E", "2310F", "2320", "2330A", "2330B", "2330C", "2330D", "2330E", "2330F", "2330G",
        "2400", "2410", "2420A", "2420B", "2420C", "2420D", "2420E", "2420F", "2420G", "2420H", "2430", "2440",
    ];

    private const string NameLength = "r ID 2-3 | r ID 1-1 | S AN 1-60 | S AN 1-35 | S AN 1-25 | N | S AN 1-10 | S ID 1-2 @NAMEID | S AN 2-80 | N | N | N";

    internal static readonly X12GuideTable Table = new X12GuideTable(Loops, X12CodeLists.Shared())
        .Add("BHT", "R ID 4-4 0019 | R ID 2-2 00,18 | R AN 1-50 | R DT 8-8 | R TM 4-8 | R ID 2-2 31,CH,RP")
        .Add("NM1", NameLength)
        .Add("NM1", "2010CA", "r ID 2-3 | r ID 1-1 | S AN 1-60 | S AN 1-35 | S AN 1-25 | N | S AN 1-10 | N | N | N | N | N")
        .Add("N3", "R AN 1-55 | S AN 1-55")
        .Add("N4", "R AN 2-30 | S ID 2-2 @STATES | S ID 3-15 | S ID 2-3 | N | N | S AN 1-3")
        .Add("PER", "R ID 2-2 IC | S AN 1-60 | R ID 2-2 EM,FX,TE | R AN 1-256 | S ID 2-2 EM,EX,FX,TE | S AN 1-256 | S ID 2-2 EM,EX,FX,TE | S AN 1-256 | N")
        .Add("PRV", "R ID 1-3 BI,PE | R ID 2-3 PXC | R AN 1-50 | N | S C | N")
        .Add("HL", "r AN 1-12 | S AN 1-12 | r ID 1-2 | R ID 1-1 0,1")
        .Add("SBR", "r ID 1-1 A,B,C,D,E,F,G,H,P,S,T,U | S ID 2-2 01,18,19,20,21,39,40,53,G8 | S AN 1-50 | S AN 1-60 | S ID 1-3 12,13,14,15,16,41,42,43,47 | N | N | N | S ID 1-2 11,12,13,14,15,16,17,AM,BL,CH,CI,DS,FI,HM,LM,MA,MB,MC,OF,TV,VA,WC,ZZ")
        .Add("SBR", "2000B", "r ID 1-1 A,B,C,D,E,F,G,H,P,S,T,U | S ID 2-2 18 | S AN 1-50 | S AN 1-60 | S ID 1-3 12,13,14,15,16,41,42,43,47 | N | N | N | S ID 1-2 11,12,13,14,15,16,17,AM,BL,CH,CI,DS,FI,HM,LM,MA,MB,MC,OF,TV,VA,WC,ZZ")
        .Add("PAT", "S ID 2-2 01,19,20,21,39,40,53,G8 | N | N | N | S ID 2-3 D8 | S AN 1-35 | S ID 2-2 01 | S R 1-10 | S ID 1-1 Y")
        .Add("DMG", "R ID 2-3 D8 | S AN 1-35 | R ID 1-1 F,M,U | N | S C | N | N | N | N | N | N")
        .Add("REF", "2010AA", "R ID 2-3 0B,1G,EI,SY | R AN 1-50 | N | N")
        .Add("REF", "2010AC", "R ID 2-3 2U,EI,FY,NF | R AN 1-50 | N | N")
        .Add("REF", "2010BA", "R ID 2-3 SY,Y4 | R AN 1-50 | N | N")
        .Add("REF", "2010BB", "R ID 2-3 2U,EI,FY,G2,LU,NF | R AN 1-50 | N | N")
        .Add("REF", "2010CA", "R ID 2-3 1W,SY,Y4 | R AN 1-50 | N | N")
        .Add("REF", "2300", "R ID 2-3 1J,4N,9A,9C,9F,D9,EA,EW,F5,F8,G1,LX,P4,X4 | R AN 1-50 | N | N")
        .Add("REF", "2310A,2310B,2310D,2330C,2330D,2330F,2420A,2420B,2420D,2420E,2420F", "R ID 2-3 0B,1G,G2,LU | R AN 1-50 | N | N")
        .Add("REF", "2310C,2330E,2330G,2420C", "R ID 2-3 0B,G2,LU | R AN 1-50 | N | N")
        .Add("REF", "2330A", "R ID 2-3 SY | R AN 1-50 | N | N")
        .Add("REF", "2330B", "R ID 2-3 2U,9F,EI,F8,FY,G1,NF,T4 | R AN 1-50 | N | N")
        .Add("REF", "2400", "R ID 2-3 6R,9B,9D,9F,BT,EW,F4,G1,X4 | R AN 1-50 | N | N")
        .Add("REF", "2410", "R ID 2-3 VY,XZ | R AN 1-50 | N | N")
        .Add("DTP", "2300", "R ID 3-3 050,090,091,096,296,297,304,314,360,361,431,435,439,444,453,454,455,471,484 | R ID 2-3 @DATEFORMATS | R AN 1-35")
        .Add("DTP", "2400", "r ID 3-3 011,304,454,455,461,463,471,472,607,738,739 | r ID 2-3 | r AN 1-35")
        .Add("DTP", "2330B,2430", "R ID 3-3 573 | R ID 2-3 D8 | R AN 1-35")
        .Add("CLM", "r AN 1-38 | r R 1-18 | N | N | r C | R ID 1-1 N,Y | R ID 1-1 A,B,C | R ID 1-1 N,W,Y | R ID 1-1 I,Y | S ID 1-1 P | S C | S ID 2-3 02,03,05,09 | N | N | N | N | N | N | N | S ID 1-2 1,2,3,4,5,6,7,8,9,10,11,15")
        .Add("AMT", "2300", "R ID 1-3 F5 | R R 1-18 | N")
        .Add("AMT", "2320", "R ID 1-3 A8,D,EAF | R R 1-18 | N")
        .Add("AMT", "2400", "R ID 1-3 F4,T | R R 1-18 | N")
        .Add("AMT", "2430", "R ID 1-3 EAF | R R 1-18 | N")
        .Add("LX", "r N0 1-6")
        .Add("SV1", "r C | r R 1-18 | r ID 2-2 | r R 1-15 | S AN 1-2 | N | r C | N | S ID 1-1 Y | N | S ID 1-1 Y | S ID 1-1 Y | N | N | S ID 1-1 0 | N | N | N | N | N | N");

    private const int Header = 0;
    private const int Submitter = 1;
    private const int Receiver = 2;
    private const int BillingHl = 3;
    private const int SubscriberHl = 7;
    private const int PatientHl = 10;
    private const int Claim = 12;
    private const int OtherSubscriber = 19;
    private const int Line = 27;

    // Where the open loop sits: the name loops an NM1 may open depend on it.
    private int _area = Header;

    // Loop 2320 (other subscriber) requires its 2330A (NM1*IL) and 2330B (NM1*PR).
    private bool _otherInsured;
    private bool _otherPayer;
    private long _otherPosition;

    public override void OnFields(uint key, in X12Fields f)
    {
        switch (key)
        {
            case X12SegmentIds.Nm1:
                OnNm1(f[1]);
                break;
            case X12SegmentIds.Hl:
                CloseOther();
                Context.LeaveClaim(f.Position);
                var level = f[3];
                _area = level.SequenceEqual("20"u8) ? BillingHl : level.SequenceEqual("22"u8) ? SubscriberHl : level.SequenceEqual("23"u8) ? PatientHl : _area;
                Enter(_area);
                break;
            case X12SegmentIds.Clm:
                CloseOther();
                Context.EnterClaim(f[1], f.Position);
                CheckFacilityQualifier(f);
                Enter(_area = Claim);
                break;
            case X12SegmentIds.Sbr:
                if (_area is Claim or OtherSubscriber)
                {
                    CloseOther();
                    Enter(_area = OtherSubscriber);
                    (_otherInsured, _otherPayer, _otherPosition) = (false, false, f.Position);
                }

                break;
            case X12SegmentIds.Lx:
                CloseOther();
                Enter(_area = Line);
                break;
            case X12SegmentIds.Lin:
                Enter(28);
                break;
            case X12SegmentIds.Svd:
                Enter(37);
                break;
            case X12SegmentIds.Lq:
                Enter(38);
                break;
            case X12SegmentIds.Dtp:
                Check(key, f);
                CheckPeriod(f);
                return;
            default:
                break;
        }

        Check(key, f);
    }

    public override void Complete(long position) => CloseOther();

    private void CloseOther()
    {
        if (_area != OtherSubscriber)
        {
            return;
        }

        if (!_otherInsured)
        {
            Missing(_otherPosition, "NM1", 20, "loop 2320 requires loop 2330A (NM1*IL other subscriber name)");
        }

        if (!_otherPayer)
        {
            Missing(_otherPosition, "NM1", 21, "loop 2320 requires loop 2330B (NM1*PR other payer name)");
        }

        _otherInsured = _otherPayer = true;
    }

    /// <summary>CLM05-2 is the facility code qualifier, always B (place of service codes) in the 837P.</summary>
    private void CheckFacilityQualifier(in X12Fields f)
    {
        if (f[5].IsEmpty)
        {
            return;
        }

        var qualifier = f.Component(5, 2);
        if (!qualifier.SequenceEqual("B"u8))
        {
            Context.Report(qualifier.IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, X12Severity.Error, f.Position, "CLM", 5,
                $"CLM05-2 facility code qualifier must be B, not '{X12Bytes.Show(qualifier)}'", X12Scope.Transaction, component: 2,
                value: qualifier.IsEmpty || qualifier.Length > 2 ? null : X12Bytes.Text(qualifier), loop: null);
        }
    }

    private void OnNm1(ReadOnlySpan<byte> entity)
    {
        // Loop indexes are positions in Loops; the entity code (two bytes) picks the name loop the
        // area allows. A switch on the packed code: this runs for every NM1.
        var code = entity.Length == 2 ? entity[0] | (entity[1] << 8) : 0;
        var loop = _area switch
        {
            Header => code switch { E41 => Submitter, E40 => Receiver, _ => -1 },
            BillingHl => code switch { E85 => 4, E87 => 5, Epe => 6, _ => -1 },
            SubscriberHl => code switch { Eil => 8, Epr => 9, _ => -1 },
            PatientHl => code == Eqc ? 11 : -1,
            Claim => code switch { Edn or Ep3 => 13, E82 => 14, E77 => 15, Edq => 16, Epw => 17, E45 => 18, _ => -1 },
            OtherSubscriber => code switch { Eil => 20, Epr => 21, Edn or Ep3 => 22, E82 => 23, E77 => 24, Edq => 25, E85 => 26, _ => -1 },
            _ => code switch { E82 => 29, Eqb => 30, E77 => 31, Edq => 32, Edk => 33, Edn or Ep3 => 34, Epw => 35, E45 => 36, _ => -1 },
        };

        // An entity code the area does not know is the builder's finding (X12-0504); the loop stays.
        if (loop >= 0)
        {
            if (_area == OtherSubscriber)
            {
                _otherInsured |= loop == 20;
                _otherPayer |= loop == 21;
            }

            Enter(loop);
        }
    }

    private const int E41 = '4' | ('1' << 8);
    private const int E40 = '4' | ('0' << 8);
    private const int E85 = '8' | ('5' << 8);
    private const int E87 = '8' | ('7' << 8);
    private const int E82 = '8' | ('2' << 8);
    private const int E77 = '7' | ('7' << 8);
    private const int E45 = '4' | ('5' << 8);
    private const int Epe = 'P' | ('E' << 8);
    private const int Eil = 'I' | ('L' << 8);
    private const int Epr = 'P' | ('R' << 8);
    private const int Eqc = 'Q' | ('C' << 8);
    private const int Edn = 'D' | ('N' << 8);
    private const int Ep3 = 'P' | ('3' << 8);
    private const int Edq = 'D' | ('Q' << 8);
    private const int Epw = 'P' | ('W' << 8);
    private const int Eqb = 'Q' | ('B' << 8);
    private const int Edk = 'D' | ('K' << 8);

    /// <summary>DTP03 in the format DTP02 names (D8 a date, RD8 two joined by '-'); the service date (472) is the builder's.</summary>
    private void CheckPeriod(in X12Fields f)
    {
        var format = f[2];
        var value = f[3];
        if (value.IsEmpty || f[1].SequenceEqual("472"u8) && Loop == Line)
        {
            return;
        }

        var valid = format.SequenceEqual("D8"u8) ? value.Length == 8 && X12Bytes.TryParseDate(value, out _)
            : format.SequenceEqual("RD8"u8) ? value.Length == 17 && value[8] == (byte)'-' && X12Bytes.TryParseDate(value[..8], out _) && X12Bytes.TryParseDate(value[9..], out _)
            : true;
        if (!valid)
        {
            Context.Report(X12ErrorCodes.InvalidDate, X12Severity.Error, f.Position, "DTP", 3,
                $"DTP03 '{X12Bytes.Show(value)}' is not a valid {X12Bytes.Show(format)} value", X12Scope.Transaction, component: null, value: X12Bytes.Text(value), loop: null);
        }
    }
}
