namespace CodeLedger.X12.ClaimStatus277;

/// <summary>
/// What the codes of a 277CA STC mean and which categories reject. Categories are code source 507
/// (the list pyx12's 277.5010.X214 map allows: A0–A8, D0, E0–E4, F*, P*, R*, RQ, X0); the
/// acknowledgment guide uses the A group: A1 received, A2 accepted into adjudication, A5 split on
/// acceptance are acceptances, A3 returned as unprocessable, A4 not found, A6 missing and A7
/// invalid information, A8 relational field in error are rejections, and E0–E4 (response not
/// possible, correction required) and R* (the claim or line needs more information) also return the
/// claim to the provider. Status codes are code source 508 (about 760 codes); the ones a 277CA
/// commonly carries are named here, the others by number. Wording [U] (docs/X12.md).
/// </summary>
public static class ClaimStatusCodes
{
    /// <summary>A code or id as a reason repeats it: a damaged file's value is cut short, never repeated whole.</summary>
    public static string Clip(string value) => value.Length <= 30 ? value : value[..30] + "…";

    /// <summary>True when a category returns the claim unprocessed.</summary>
    public static bool Rejects(string category) =>
        category is "A3" or "A4" or "A6" or "A7" or "A8" or "D0" || category.StartsWith('E') || (category.StartsWith('R') && category != "RQ");

    public static string Category(string code) => code switch
    {
        "A0" => "forwarded",
        "A1" => "received",
        "A2" => "accepted into adjudication",
        "A3" => "returned as unprocessable",
        "A4" => "not found",
        "A5" => "split on acceptance",
        "A6" => "rejected for missing information",
        "A7" => "rejected for invalid information",
        "A8" => "rejected for relational field in error",
        "D0" => "data search unsuccessful",
        "E0" => "response not possible: error on submitted data",
        "E1" => "response not possible: system status",
        "E2" => "information holder not responding",
        "E3" => "correction required: relational fields in error",
        "E4" => "trading partner agreement requirement not met",
        "R3" => "more information needed for the claim or line",
        _ when code.StartsWith('P') => "pending",
        _ when code.StartsWith('F') => "finalized",
        _ when code.StartsWith('R') => "more information requested",
        _ => "status category " + Clip(code),
    };

    public static string Status(string code) => code switch
    {
        "0" => "cannot provide further status electronically",
        "19" => "entity acknowledges receipt of claim/encounter",
        "20" => "accepted for processing",
        "21" => "missing or invalid information",
        "116" => "claim submitted to the incorrect payer",
        "187" => "date(s) of service",
        "247" => "line information",
        "454" => "procedure code for services rendered",
        "562" => "entity's National Provider Identifier (NPI)",
        _ => "claim status code " + Clip(code),
    };

    public static string Entity(string code) => code switch
    {
        "03" => "dependent",
        "40" => "receiver",
        "41" => "submitter",
        "77" => "service location",
        "82" => "rendering provider",
        "85" => "billing provider",
        "87" => "pay-to provider",
        "IL" => "insured or subscriber",
        "PR" => "payer",
        "QC" => "patient",
        "DN" => "referring provider",
        "DK" => "ordering physician",
        _ => "entity " + Clip(code),
    };
}
