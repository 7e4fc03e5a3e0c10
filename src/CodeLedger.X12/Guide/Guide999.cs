using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>
/// 005010X231A1 (999) as the guide validator reads it (FACTS.md §4.4): AK1 and AK9 in the header,
/// loop 2000 (AK2 … IK5), 2100 (IK3, CTX) and 2110 (IK4), with their required elements and the
/// code lists the guide fixes.
/// </summary>
internal sealed class Guide999(X12ParseContext context) : X12GuideValidator(context, Table)
{
    private const string SyntaxCodes = "1,2,3,4,5,6,7,8,9,10,11,12,13,15,16,17,18,19,23,24,25,26,27,I5,I6";
    private const string GroupCodes = "1,2,3,4,5,6,10,11,12,13,14,15,16,17,18,19,23,24,25,26";

    internal static readonly X12GuideTable Table = new X12GuideTable(["", "2000", "2100", "2110"], X12CodeLists.Shared())
        .Add("AK1", "R ID 2-2 BE,HB,HC,HI,HN,HP,HR,HS,RA | R N0 1-9 | S AN 1-12")
        .Add("AK2", "R ID 3-3 270,271,276,277,278,820,834,835,837 | R AN 4-9 | S AN 1-35")
        .Add("IK3", "R ID 2-3 | R N0 1-10 | S AN 1-4 | R ID 1-3 1,2,3,4,5,6,7,8,I4,I6,I7,I8,I9")
        .Add("CTX", "R C | S ID 2-3 | S N0 1-10 | S AN 1-4 | S C | S C")
        .Add("IK4", "R C | S N0 1-4 | R ID 1-3 1,2,3,4,5,6,7,8,9,10,11,12,13,I6,I9,I10,I11,I12,I13 | S AN 1-99")
        .Add("IK5", $"R ID 1-1 A,E,M,R,W,X | S ID 1-3 {SyntaxCodes} | S ID 1-3 {SyntaxCodes} | S ID 1-3 {SyntaxCodes} | S ID 1-3 {SyntaxCodes} | S ID 1-3 {SyntaxCodes}")
        .Add("AK9", $"R ID 1-1 A,E,M,P,R,W,X | R N0 1-6 | R N0 1-6 | R N0 1-6 | S ID 1-3 {GroupCodes} | S ID 1-3 {GroupCodes} | S ID 1-3 {GroupCodes} | S ID 1-3 {GroupCodes} | S ID 1-3 {GroupCodes}");

    private bool _sawAk1;
    private bool _sawAk9;
    private bool _setOpen;
    private bool _sawIk5;
    private long _ak2Position;

    public override void OnFields(uint key, in X12Fields f)
    {
        switch (key)
        {
            case X12SegmentIds.Ak1:
                _sawAk1 = true;
                break;
            case X12SegmentIds.Ak2:
                Require(f.Position);
                CloseSet();
                Enter(1);
                _setOpen = true;
                _sawIk5 = false;
                _ak2Position = f.Position;
                break;
            case X12SegmentIds.Ik3:
                Enter(2);
                break;
            case X12SegmentIds.Ik4:
                Enter(3);
                break;
            case X12SegmentIds.Ik5:
                Enter(1);
                _sawIk5 = true;
                break;
            case X12SegmentIds.Ak9:
                Require(f.Position);
                CloseSet();
                Enter(0);
                _sawAk9 = true;
                break;
            default:
                break;
        }

        Check(key, f);
    }

    public override void Complete(long position)
    {
        Require(position);
        CloseSet();
        if (!_sawAk9)
        {
            Missing(position, "AK9", 0, "the 999 has no AK9 (functional group response trailer)");
        }
    }

    private void Require(long position)
    {
        if (!_sawAk1)
        {
            _sawAk1 = true;
            Missing(position, "AK1", 0, "the 999 has no AK1 (the functional group it acknowledges)");
        }
    }

    private void CloseSet()
    {
        if (_setOpen && !_sawIk5)
        {
            Missing(_ak2Position, "IK5", 1, "loop 2000 requires IK5 (the set's status)");
        }

        _setOpen = false;
    }
}
