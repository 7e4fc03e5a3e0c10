using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>
/// 005010X214 (277CA, claim acknowledgment) as the guide validator reads it, after pyx12's
/// 277.5010.X214 map: BHT, then the hierarchy 2000A information source (HL*20, NM1 2100A, TRN and
/// two DTP in 2200A), 2000B information receiver (HL*21, NM1*41, TRN and STC in 2200B), 2000C
/// billing provider (HL*19, NM1*85, TRN and STC in 2200C), 2000D patient (HL*PT, NM1*QC) with its
/// claims (2200D: TRN, STC, REF*1K/D9/BLT, DTP*472) and their lines (2220D: SVC, STC, REF*FJ).
/// </summary>
internal sealed class Guide277CA(X12ParseContext context) : X12GuideValidator(context, Table)
{
    private const int Header = 0;
    private const int SourceLevel = 1;
    private const int SourceName = 2;
    private const int SourceTrace = 3;
    private const int ReceiverLevel = 4;
    private const int ReceiverName = 5;
    private const int ReceiverTrace = 6;
    private const int ProviderLevel = 7;
    private const int ProviderName = 8;
    private const int ProviderTrace = 9;
    private const int PatientLevel = 10;
    private const int PatientName = 11;
    private const int ClaimTrace = 12;
    private const int Line = 13;

    private const string Stc = "R C | R DT 8-8 | R ID 1-2 U,WQ | R R 1-18 | N | N | N | N | N | S C | S C | N";

    internal static readonly X12GuideTable Table = new X12GuideTable(
        ["", "2000A", "2100A", "2200A", "2000B", "2100B", "2200B", "2000C", "2100C", "2200C", "2000D", "2100D", "2200D", "2220D"], X12CodeLists.Shared())
        .Add("BHT", "R ID 4-4 0085 | R ID 2-2 08 | R AN 1-50 | R DT 8-8 | R TM 4-8 | R ID 2-2 TH")
        .Add("HL", "R AN 1-12 | S AN 1-12 | R ID 1-2 20,21,19,PT | S ID 1-1 0,1")
        .Add("NM1", "2100A", "R ID 2-3 PR,AY | R ID 1-1 2 | R AN 1-60 | N | N | N | N | R ID 1-2 46,FI,PI,XV | R AN 2-80 | N | N | N")
        .Add("NM1", "2100B", "R ID 2-3 41 | R ID 1-1 1,2 | R AN 1-60 | S AN 1-35 | S AN 1-25 | N | N | R ID 1-2 46 | R AN 2-80 | N | N | N")
        .Add("NM1", "2100C", "R ID 2-3 85 | R ID 1-1 1,2 | R AN 1-60 | S AN 1-35 | S AN 1-25 | S AN 1-10 | S AN 1-10 | R ID 1-2 FI,SV,XX | R AN 2-80 | N | N")
        .Add("NM1", "2100D", "R ID 2-3 QC | R ID 1-1 1 | R AN 1-60 | S AN 1-35 | S AN 1-25 | S AN 1-10 | S AN 1-10 | R ID 1-2 II,MI | R AN 2-80 | N | N")
        .Add("TRN", "2200A,2200C", "R ID 1-2 1 | R AN 1-50 | N | N")
        .Add("TRN", "2200B,2200D", "R ID 1-2 2 | R AN 1-50 | N | N")
        .Add("DTP", "2200A", "R ID 3-3 050,009 | R ID 2-3 D8 | R AN 8-8")
        .Add("DTP", "2200D,2220D", "R ID 3-3 472 | R ID 2-3 @DATEFORMATS | R AN 1-35")
        .Add("STC", "2200B", Stc)
        .Add("STC", "2200C", "R C | N | R ID 1-2 U,WQ | R R 1-18 | N | N | N | N | N | S C | S C | N")
        .Add("STC", "2200D", Stc[..^1] + "S AN 1-264")
        .Add("STC", "2220D", "R C | R DT 8-8 | R ID 1-2 U | N | N | N | N | N | N | S C | S C | N")
        .Add("REF", "2200C", "R ID 2-3 0B,1G,G2,LU,SY,TJ | R AN 1-50 | N | N")
        .Add("REF", "2200D", "R ID 2-3 1K,D9,BLT | R AN 1-50 | N | N")
        .Add("REF", "2220D", "R ID 2-3 FJ,XZ | R AN 1-50 | N | N")
        .Add("QTY", "2200B", "R ID 2-2 90,AA | R R 1-15 | N | N")
        .Add("QTY", "2200C", "R ID 2-2 QA,QC | R R 1-15 | N | N")
        .Add("AMT", "2200B,2200C", "R ID 1-3 YU,YY | R R 1-18 | N")
        .Add("SVC", "2220D", "R C | R R 1-18 | N | S AN 1-48 | N | N | S R 1-15");

    private bool _sawBht;
    private bool _sawHl;
    private bool _sawName;
    private bool _sawTrace;
    private int _dates;
    private bool _sawStatus;
    private long _openedAt;

    public override void OnFields(uint key, in X12Fields f)
    {
        switch (key)
        {
            case X12SegmentIds.Bht:
                _sawBht = true;
                break;
            case X12SegmentIds.Hl:
                RequireBht(f.Position);
                CloseLevel(f.Position);
                Context.LeaveClaim(f.Position);
                var level = f[3];
                Enter(level.SequenceEqual("20"u8) ? SourceLevel : level.SequenceEqual("21"u8) ? ReceiverLevel
                    : level.SequenceEqual("19"u8) ? ProviderLevel : level.SequenceEqual("PT"u8) ? PatientLevel : Loop);
                _sawHl = true;
                (_sawName, _sawTrace, _sawStatus, _dates, _openedAt) = (false, false, false, 0, f.Position);
                break;
            case X12SegmentIds.Nm1:
                if (Loop is SourceLevel or ReceiverLevel or ProviderLevel or PatientLevel)
                {
                    Enter(Loop + 1);
                    _sawName = true;
                }

                break;
            case X12SegmentIds.Trn:
                OnTrn(f);
                break;
            case X12SegmentIds.Stc:
                _sawStatus = true;
                break;
            case X12SegmentIds.Dtp:
                _dates++;
                break;
            case X12SegmentIds.Svc:
                if (Loop is ClaimTrace or Line)
                {
                    CloseTrace();
                    Enter(Line);
                    (_sawStatus, _openedAt) = (false, f.Position);
                }

                break;
            default:
                break;
        }

        Check(key, f);
    }

    public override void Complete(long position)
    {
        RequireBht(position);
        CloseLevel(position);
        if (!_sawHl)
        {
            Missing(position, "HL", SourceLevel, "the 277CA has no HL (loop 2000A, the information source, is required)");
        }
    }

    private void OnTrn(in X12Fields f)
    {
        switch (Loop)
        {
            case SourceName:
            case ReceiverName:
            case ProviderName:
                Enter(Loop + 1);
                break;
            case SourceLevel:
            case ReceiverLevel:
            case ProviderLevel:
                // The name (NM1) is missing; the level closes reporting it, and the trace is read as such.
                Enter(Loop + 2);
                break;
            case PatientLevel:
            case PatientName:
            case ClaimTrace:
            case Line:
                CloseTrace();
                Enter(ClaimTrace);
                Context.EnterClaim(f[2], f.Position);
                break;
            default:
                return;
        }

        _sawTrace = true;
        (_sawStatus, _dates, _openedAt) = (false, 0, f.Position);
    }

    private void RequireBht(long position)
    {
        if (!_sawBht)
        {
            _sawBht = true;
            Missing(position, "BHT", Header, "the 277CA has no BHT (beginning of hierarchical transaction)");
        }
    }

    // An HL closes the level before it: its name and its trace (TRN, and STC where the guide requires one).
    private void CloseLevel(long position)
    {
        if (!_sawHl)
        {
            return;
        }

        var level = Loop switch
        {
            SourceLevel or SourceName or SourceTrace => SourceLevel,
            ReceiverLevel or ReceiverName or ReceiverTrace => ReceiverLevel,
            ProviderLevel or ProviderName or ProviderTrace => ProviderLevel,
            _ => PatientLevel,
        };
        if (!_sawName)
        {
            Missing(_openedAt, "NM1", level + 1, $"loop {Table.LoopName(level)} requires NM1 (loop {Table.LoopName(level + 1)})");
        }

        CloseTrace();
        if (level != PatientLevel && !_sawTrace)
        {
            Missing(_openedAt, "TRN", level + 2, $"loop {Table.LoopName(level)} requires TRN (loop {Table.LoopName(level + 2)})");
        }
    }

    private void CloseTrace()
    {
        switch (Loop)
        {
            case SourceTrace when _dates < 2:
                Missing(_openedAt, "DTP", SourceTrace, "loop 2200A requires DTP*050 (receipt date) and DTP*009 (process date)");
                break;
            case ReceiverTrace or ProviderTrace or ClaimTrace or Line when !_sawStatus:
                Missing(_openedAt, "STC", Loop, $"loop {Table.LoopName(Loop)} requires STC (status information)");
                break;
            default:
                break;
        }

        if (Loop == ClaimTrace && _dates == 0 && _sawStatus)
        {
            Missing(_openedAt, "DTP", ClaimTrace, "loop 2200D requires DTP*472 (claim service date)");
        }

        _sawStatus = true;
        _dates = 2;
    }
}
