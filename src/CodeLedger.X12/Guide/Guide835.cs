using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>
/// 005010X221A1 (835) as the guide validator reads it: the header (BPR, TRN, REF, DTM), 1000A
/// payer (N1*PR, N3, N4, PER*BL required), 1000B payee (N1*PE required), 2000 (LX), 2100 claim
/// payment (CLP, NM1*QC required), 2110 service payment (SVC), and the PLB summary (FACTS.md §4.3).
/// Elements the builder already checks (CLP02, CAS01, amounts as numbers, DTM dates) are marked
/// so, so no finding is reported twice.
/// </summary>
internal sealed class Guide835(X12ParseContext context) : X12GuideValidator(context, Table)
{
    private const int Header = 0;
    private const int Payer = 1;
    private const int Payee = 2;
    private const int HeaderNumber = 3;
    private const int ClaimPayment = 4;
    private const int ServicePayment = 5;
    private const int Summary = 6;

    internal static readonly X12GuideTable Table = new X12GuideTable(["", "1000A", "1000B", "2000", "2100", "2110", ""], X12CodeLists.Shared())
        .Add("BPR", "r ID 1-1 C,D,H,I,P,U,X | r R 1-18 | R ID 1-1 C,D | R ID 3-3 ACH,BOP,CHK,FWT,NON | S ID 1-10 CCP,CTX | S ID 2-2 01,04 | S AN 3-12 | S ID 1-3 DA | S AN 1-35 | S AN 10-10 | S AN 9-9 | S ID 2-2 01,04 | S AN 3-12 | S ID 1-3 DA,SG | S AN 1-35 | R AN 8-8 | N | N | N | N | N")
        .Add("TRN", "R ID 1-2 1 | R AN 1-50 | R AN 10-10 | S AN 1-50")
        .Add("CUR", "R ID 2-3 PR | R ID 3-3")
        .Add("REF", "", "R ID 2-3 EV,F2 | R AN 1-50 | N")
        .Add("REF", "1000A", "R ID 2-3 2U,EO,HI,NF | R AN 1-50 | N")
        .Add("REF", "1000B", "R ID 2-3 0B,D3,PQ,TJ | R AN 1-50 | N")
        .Add("REF", "2100", "R ID 2-3 1L,1W,28,6P,9A,9C,BB,CE,EA,F8,G1,G3,IG,SY,0B,1A,1B,1C,1D,1G,1H,1J,D3,G2,LU | R AN 1-50 | N")
        .Add("REF", "2110", "R ID 2-3 1S,APC,BB,E9,G1,G3,LU,RB,6R,0B,1A,1B,1C,1D,1G,1H,1J,D3,G2,HPI,SY,TJ,0K | R AN 1-50 | N")
        .Add("DTM", "", "R ID 3-3 405 | r AN 8-8 | N | N | N | N")
        .Add("DTM", "2100", "R ID 3-3 232,233,036,050 | r AN 8-8 | N | N | N | N")
        .Add("DTM", "2110", "R ID 3-3 150,151,472 | r AN 8-8 | N | N | N | N")
        .Add("N1", "1000A", "R ID 2-3 PR | R AN 1-60 | S ID 1-2 XV | S AN 2-80 | N | N")
        .Add("N1", "1000B", "R ID 2-3 PE | R AN 1-60 | R ID 1-2 FI,XV,XX | R AN 2-80 | N | N")
        .Add("N3", "R AN 1-55 | S AN 1-55")
        .Add("N4", "R AN 2-30 | S ID 2-2 @STATES | S ID 3-15 | S ID 2-3 | N | N | S AN 1-3")
        .Add("PER", "1000A", "R ID 2-2 CX,BL,IC | S AN 1-60 | S ID 2-2 @CONTACT | S AN 1-256 | S ID 2-2 @CONTACT | S AN 1-256 | S ID 2-2 @CONTACT | S AN 1-256 | N")
        .Add("PER", "2100", "R ID 2-2 CX | S AN 1-60 | R ID 2-2 EM,FX,TE | R AN 1-256 | S ID 2-2 @CONTACT | S AN 1-256 | S ID 2-2 EX | S AN 1-256 | N")
        .Add("LX", "R N0 1-6")
        .Add("CLP", "r AN 1-38 | r ID 1-2 | r R 1-18 | r R 1-18 | S R 1-18 | R ID 1-2 @CLAIMFILING | R AN 1-50 | S AN 1-2 | S ID 1-1 | N | S AN 1-4 | S R 1-15 | S R 1-10 | N")
        .Add("CAS", "r ID 1-2 | r ID 1-5 | R R 1-18 | S R 1-15 | S ID 1-5 | S R 1-18 | S R 1-15 | S ID 1-5 | S R 1-18 | S R 1-15 | S ID 1-5 | S R 1-18 | S R 1-15 | S ID 1-5 | S R 1-18 | S R 1-15 | S ID 1-5 | S R 1-18 | S R 1-15")
        .Add("NM1", "2100", "R ID 2-3 QC,IL,74,82,TT,PR,GB | R ID 1-1 1,2 | S AN 1-60 | S AN 1-35 | S AN 1-25 | N | S AN 1-10 | S ID 1-2 @NAMEID | S AN 2-80 | N | N | N")
        .Add("SVC", "r C | r R 1-18 | r R 1-18 | S AN 1-48 | S R 1-15 | S C | S R 1-15")
        .Add("LQ", "R ID 1-3 HE,RX | R AN 1-30")
        .Add("PLB", "R AN 1-50 | R DT 8-8 | r C | r R 1-18 | S C | S R 1-18 | S C | S R 1-18 | S C | S R 1-18 | S C | S R 1-18 | S C | S R 1-18");

    private bool _sawTrn;
    private bool _sawPayer;
    private bool _sawPayee;
    private bool _payerAddress;
    private bool _payerCity;
    private bool _payerTechnicalContact;
    private bool _payerClosed;
    private bool _headerClosed;
    private bool _sawPatient;
    private long _claimPosition;

    public override void OnFields(uint key, in X12Fields f)
    {
        switch (key)
        {
            case X12SegmentIds.Clp:
                CloseHeader(f.Position);
                CloseClaim();
                Enter(ClaimPayment);
                Context.EnterClaim(f[1], f.Position);
                _sawPatient = false;
                _claimPosition = f.Position;
                break;
            case X12SegmentIds.Svc:
                if (Loop is ClaimPayment or ServicePayment)
                {
                    Enter(ServicePayment);
                }

                break;
            case X12SegmentIds.Nm1:
                if (Loop == ClaimPayment && f[1].SequenceEqual("QC"u8))
                {
                    _sawPatient = true;
                }

                break;
            case X12SegmentIds.Lx:
                CloseHeader(f.Position);
                CloseClaim();
                Context.LeaveClaim(f.Position);
                Enter(HeaderNumber);
                break;
            case X12SegmentIds.Plb:
                CloseHeader(f.Position);
                CloseClaim();
                Context.LeaveClaim(f.Position);
                Enter(Summary);
                break;
            case X12SegmentIds.Trn:
                _sawTrn = true;
                break;
            case X12SegmentIds.N1:
                OnN1(f);
                break;
            case X12SegmentIds.N3:
                _payerAddress |= Loop == Payer;
                break;
            case X12SegmentIds.N4:
                _payerCity |= Loop == Payer;
                break;
            case X12SegmentIds.Per:
                _payerTechnicalContact |= Loop == Payer && f[1].SequenceEqual("BL"u8);
                break;
            default:
                break;
        }

        Check(key, f);
    }

    public override void Complete(long position)
    {
        CloseHeader(position);
        CloseClaim();
    }

    private void OnN1(in X12Fields f)
    {
        if (f[1].SequenceEqual("PR"u8) && Loop == Header)
        {
            RequireTrn(f.Position);
            _sawPayer = true;
            Enter(Payer);
        }
        else if (f[1].SequenceEqual("PE"u8) && Loop is Header or Payer)
        {
            RequireTrn(f.Position);
            ClosePayer(f.Position);
            _sawPayee = true;
            Enter(Payee);
        }
    }

    private void RequireTrn(long position)
    {
        if (!_sawTrn)
        {
            // Once: TRN is the reassociation key (TRN02), so a remittance without it cannot be matched to its deposit.
            _sawTrn = true;
            Missing(position, "TRN", Header, "the 835 has no TRN (reassociation trace number); the guide requires it after BPR");
        }
    }

    private void ClosePayer(long position)
    {
        if (_payerClosed)
        {
            return;
        }

        _payerClosed = true;
        if (!_sawPayer)
        {
            Missing(position, "N1", Payer, "loop 1000A (N1*PR payer identification) is required");
            return;
        }

        if (!_payerAddress)
        {
            Missing(position, "N3", Payer, "loop 1000A requires N3 (payer address)");
        }

        if (!_payerCity)
        {
            Missing(position, "N4", Payer, "loop 1000A requires N4 (payer city, state, ZIP)");
        }

        if (!_payerTechnicalContact)
        {
            Missing(position, "PER", Payer, "loop 1000A requires PER*BL (payer technical contact)");
        }
    }

    private void CloseHeader(long position)
    {
        if (_headerClosed)
        {
            return;
        }

        _headerClosed = true;
        RequireTrn(position);
        ClosePayer(position);
        if (!_sawPayee)
        {
            Missing(position, "N1", Payee, "loop 1000B (N1*PE payee identification) is required");
        }
    }

    private void CloseClaim()
    {
        if (Loop is ClaimPayment or ServicePayment && !_sawPatient)
        {
            Missing(_claimPosition, "NM1", ClaimPayment, "loop 2100 requires NM1*QC (patient name)");
        }
    }
}
