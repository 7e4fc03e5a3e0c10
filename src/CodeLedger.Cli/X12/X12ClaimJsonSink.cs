using System.Globalization;
using System.Text.Json;
using CodeLedger.X12;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Cli.X12;

/// <summary>Prints each claim as the parser builds it (one JSON object, or one text line).</summary>
internal sealed class X12ClaimJsonSink(X12JsonOutput? json, TextWriter? text) : X12ClaimSink
{
    public override void OnClaim837(Claim837 claim)
    {
        if (json is not null)
        {
            var w = json.Writer;
            w.WriteStartObject();
            w.WriteString("patientControlNumber", claim.PatientControlNumber);
            w.WriteNumber("totalCharge", claim.TotalCharge);
            w.WriteString("placeOfService", claim.PlaceOfService);
            w.WriteString("frequency", claim.FrequencyCode);
            w.WriteString("billingProviderNpi", claim.BillingProvider.Name.Id);
            w.WriteString("subscriberId", claim.Subscriber.Name.Id);
            w.WriteString("payerId", claim.Subscriber.Payer.Id);
            w.WriteStartArray("diagnoses");
            foreach (var diagnosis in claim.Diagnoses)
            {
                w.WriteStringValue(diagnosis.Code);
            }

            w.WriteEndArray();
            w.WriteStartArray("lines");
            foreach (var line in claim.Lines)
            {
                w.WriteStartObject();
                w.WriteString("procedure", line.ProcedureCode);
                w.WriteStartArray("modifiers");
                foreach (var modifier in line.Modifiers)
                {
                    w.WriteStringValue(modifier);
                }

                w.WriteEndArray();
                w.WriteNumber("charge", line.Charge);
                w.WriteNumber("units", line.Units);
                w.WriteString("unitBasis", line.UnitBasis);
                w.WriteStartArray("pointers");
                foreach (var pointer in line.DiagnosisPointers)
                {
                    w.WriteNumberValue(pointer);
                }

                w.WriteEndArray();
                w.WriteString("serviceDate", line.ServiceFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            json.Drain();
        }

        text?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{claim.PatientControlNumber}\t{claim.TotalCharge}\t{claim.Lines.Count} lines\t{string.Join(',', claim.Lines.Select(l => l.ProcedureCode))}"));
    }

    public override void OnClaimPayment835(ClaimPayment835 claim)
    {
        if (json is not null)
        {
            var w = json.Writer;
            w.WriteStartObject();
            w.WriteString("patientControlNumber", claim.PatientControlNumber);
            w.WriteString("status", claim.Status);
            w.WriteNumber("totalCharge", claim.TotalCharge);
            w.WriteNumber("paid", claim.Paid);
            if (claim.PatientResponsibility is { } patient)
            {
                w.WriteNumber("patientResponsibility", patient);
            }

            w.WriteString("payerClaimControlNumber", claim.PayerClaimControlNumber);
            w.WriteStartArray("adjustments");
            foreach (var adjustment in claim.Adjustments.Concat(claim.Services.SelectMany(s => s.Adjustments)))
            {
                w.WriteStartObject();
                w.WriteString("group", adjustment.Group);
                w.WriteString("reason", adjustment.Reason);
                w.WriteNumber("amount", adjustment.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("services", claim.Services.Count);
            w.WriteEndObject();
            json.Drain();
        }

        text?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{claim.PatientControlNumber}\tstatus {claim.Status}\tcharge {claim.TotalCharge}\tpaid {claim.Paid}"));
    }
}
