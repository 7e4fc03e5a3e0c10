using System.Buffers;
using System.Globalization;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Writing;

/// <summary>
/// Writes an 837P (005010X222A1) interchange from the model: consecutive claims of the same
/// billing provider share one HL 20, of the same subscriber one HL 22, of the same patient one
/// HL 23; HL ids are numbered in order, and SE01, GE01 and IEA01 are counted, never supplied.
/// Reading what it writes gives back an equal model, and writing that again gives the same bytes.
/// </summary>
public static class Claim837Writer
{
    public const string Guide = "005010X222A1";

    public static byte[] Write(Claim837Interchange interchange)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(interchange, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Claim837Interchange interchange, IBufferWriter<byte> output)
    {
        var w = new X12SegmentWriter(output, X12Delimiters.Default);
        var isa = interchange.Interchange;
        var gs = interchange.Group;
        w.Segment("ISA", Pad(isa.AuthorizationQualifier, 2), Pad(isa.Authorization, 10), Pad(isa.SecurityQualifier, 2), Pad(isa.Security, 10),
            Pad(isa.SenderQualifier, 2), Pad(isa.SenderId, 15), Pad(isa.ReceiverQualifier, 2), Pad(isa.ReceiverId, 15), Pad(isa.Date, 6),
            Pad(isa.Time, 4), "^", "00501", ControlNumber(isa.ControlNumber), isa.AcknowledgmentRequested ? "1" : "0", Pad(isa.Usage, 1), ":");
        w.Segment("GS", "HC", gs.SenderCode, gs.ReceiverCode, gs.Date, gs.Time, gs.ControlNumber, "X", Guide);
        foreach (var transaction in interchange.Transactions)
        {
            WriteTransaction(w, transaction);
        }

        w.Segment("GE", X12SegmentWriter.Number(interchange.Transactions.Count), gs.ControlNumber);
        w.Segment("IEA", "1", ControlNumber(isa.ControlNumber));
    }

    private static void WriteTransaction(X12SegmentWriter w, Transaction837 transaction)
    {
        var h = transaction.Header;
        w.ResetCount();
        w.Segment("ST", "837", h.ControlNumber, Guide);
        w.Segment("BHT", "0019", h.Purpose, h.Reference, h.CreationDate, h.CreationTime, h.ClaimOrEncounter);
        Name(w, h.Submitter);
        if (h.ContactName is not null || h.ContactPhone is not null)
        {
            w.Segment("PER", "IC", h.ContactName, h.ContactPhone is null ? null : "TE", h.ContactPhone);
        }

        Name(w, h.Receiver);
        var hl = 0;
        var billingHl = 0;
        var subscriberHl = 0;
        BillingProvider837? billing = null;
        Subscriber837? subscriber = null;
        Patient837? patient = null;
        var claims = transaction.Claims;
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            if (billing is null || claim.BillingProvider != billing)
            {
                billing = claim.BillingProvider;
                subscriber = null;
                billingHl = ++hl;
                w.Segment("HL", X12SegmentWriter.Number(billingHl), null, "20", "1");
                Name(w, billing.Name);
                Address(w, billing.Address);
                if (billing.TaxId is not null)
                {
                    w.Segment("REF", billing.TaxIdQualifier ?? "EI", billing.TaxId);
                }
            }

            if (subscriber is null || claim.Subscriber != subscriber)
            {
                subscriber = claim.Subscriber;
                patient = null;
                subscriberHl = ++hl;
                var hasPatients = claim.Patient is not null;
                w.Segment("HL", X12SegmentWriter.Number(subscriberHl), X12SegmentWriter.Number(billingHl), "22", hasPatients ? "1" : "0");
                w.Segment("SBR", subscriber.PayerResponsibility, subscriber.Relationship, subscriber.GroupNumber, null, null, null, null, null,
                    subscriber.ClaimFilingIndicator);
                Name(w, subscriber.Name);
                Address(w, subscriber.Address);
                Demographics(w, subscriber.BirthDate, subscriber.Gender);
                Name(w, subscriber.Payer);
            }

            if (claim.Patient is not null && claim.Patient != patient)
            {
                patient = claim.Patient;
                w.Segment("HL", X12SegmentWriter.Number(++hl), X12SegmentWriter.Number(subscriberHl), "23", "0");
                w.Segment("PAT", patient.Relationship);
                Name(w, patient.Name);
                Address(w, patient.Address);
                Demographics(w, patient.BirthDate, patient.Gender);
            }

            WriteClaim(w, claim);
        }

        w.Segment("SE", X12SegmentWriter.Number(w.Count + 1), h.ControlNumber);
    }

    private static void WriteClaim(X12SegmentWriter w, Claim837 claim)
    {
        w.Segment("CLM", claim.PatientControlNumber, X12SegmentWriter.Amount(claim.TotalCharge), null, null,
            w.Composite(claim.PlaceOfService, "B", claim.FrequencyCode), claim.ProviderSignature, claim.Assignment, claim.BenefitsAssignment,
            claim.ReleaseOfInformation);
        if (claim.PriorAuthorization is not null)
        {
            w.Segment("REF", "G1", claim.PriorAuthorization);
        }

        if (claim.PayerClaimControlNumber is not null)
        {
            w.Segment("REF", "F8", claim.PayerClaimControlNumber);
        }

        if (claim.Diagnoses.Count > 0)
        {
            var elements = new string?[claim.Diagnoses.Count];
            for (var i = 0; i < elements.Length; i++)
            {
                elements[i] = w.Composite(claim.Diagnoses[i].Qualifier, claim.Diagnoses[i].Code);
            }

            w.Segment("HI", elements);
        }

        if (claim.Referring is not null)
        {
            Name(w, claim.Referring);
        }

        if (claim.Rendering is not null)
        {
            Name(w, claim.Rendering);
        }

        foreach (var line in claim.Lines)
        {
            w.Segment("LX", X12SegmentWriter.Number(line.LineNumber));
            var procedure = new string?[7];
            procedure[0] = line.Qualifier;
            procedure[1] = line.ProcedureCode;
            for (var i = 0; i < line.Modifiers.Count && i < 4; i++)
            {
                procedure[2 + i] = line.Modifiers[i];
            }

            procedure[6] = line.Description;
            var pointers = string.Join((char)w.Delimiters.Component, line.DiagnosisPointers.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            w.Segment("SV1", w.Composite(procedure), X12SegmentWriter.Amount(line.Charge), line.UnitBasis, X12SegmentWriter.Amount(line.Units),
                line.PlaceOfService, null, pointers);
            if (line.ServiceTo is { } to)
            {
                w.Segment("DTP", "472", "RD8", $"{X12SegmentWriter.Date(line.ServiceFrom)}-{X12SegmentWriter.Date(to)}");
            }
            else
            {
                w.Segment("DTP", "472", "D8", X12SegmentWriter.Date(line.ServiceFrom));
            }

            if (line.PriorAuthorization is not null)
            {
                w.Segment("REF", "G1", line.PriorAuthorization);
            }

            // 6R follows G1 in the guide's order of the 2400 REFs.
            if (line.LineItemControlNumber is not null)
            {
                w.Segment("REF", "6R", line.LineItemControlNumber);
            }

            if (line.Rendering is not null)
            {
                Name(w, line.Rendering);
            }
        }
    }

    private static void Name(X12SegmentWriter w, X12Name name) =>
        w.Segment("NM1", name.EntityCode, name.EntityType, name.LastOrOrganization, name.First, name.Middle, null, name.Suffix, name.IdQualifier, name.Id);

    private static void Address(X12SegmentWriter w, X12Address? address)
    {
        if (address is null)
        {
            return;
        }

        w.Segment("N3", address.Line1, address.Line2);
        w.Segment("N4", address.City, address.State, address.PostalCode);
    }

    private static void Demographics(X12SegmentWriter w, DateOnly? birthDate, string? gender)
    {
        if (birthDate is not null || gender is not null)
        {
            w.Segment("DMG", birthDate is null ? null : "D8", birthDate is { } d ? X12SegmentWriter.Date(d) : null, gender);
        }
    }

    private static string Pad(string value, int width) => value.Length >= width ? value[..width] : value.PadRight(width);

    private static string ControlNumber(string value) => value.PadLeft(9, '0');
}
