using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Remittance835;

/// <summary>
/// The 835 header (005010X221A1 table 1): BPR01 handling code, BPR02 total actual provider payment,
/// BPR03 credit/debit, BPR04 payment method, BPR16 payment date; TRN02 the check or EFT trace
/// number that reassociates the advice with the deposit; TRN03 payer id; DTM*405 production date;
/// loops 1000A payer (N1*PR) and 1000B payee (N1*PE).
/// </summary>
public sealed record Remittance835Header(
    string ControlNumber,
    string HandlingCode,
    decimal TotalPayment,
    string? CreditDebit,
    string? PaymentMethod,
    DateOnly? PaymentDate,
    string? TraceNumber,
    string? PayerTraceId,
    DateOnly? ProductionDate,
    X12Name? Payer,
    X12Name? Payee);
