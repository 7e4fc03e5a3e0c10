using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Setup;

/// <summary>
/// Writes a document in the format <see cref="SetupReader"/> reads, JSON or YAML, in its canonical
/// order (<see cref="SetupDocument.Canonical"/>), so the same setup always writes the same bytes and
/// a file kept under version control shows only what changed. Defaults are left out (a physician
/// or coder who is active, a coder who is not a lead, an empty list, no expiry or termination).
/// </summary>
public static partial class SetupWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(SetupDocument document, SetupFormat format) => format == SetupFormat.Json ? Json(document) : Yaml(document);

    public static string Json(SetupDocument document) => Tree(document.Canonical()).ToJsonString(Indented) + "\n";

    public static string Yaml(SetupDocument document)
    {
        var text = new StringBuilder();
        text.Append("# CodeLedger setup (docs/SETUP.md). Apply with: codeledger setup apply FILE\n");
        WriteMapping(text, Tree(document.Canonical()), 0);
        return text.ToString();
    }

    /// <summary>The document as the reader's nodes, so an edited document is checked by the same binder as a file.</summary>
    public static SetupNode Node(SetupDocument document) => ToNode(Tree(document));

    private static SetupNode ToNode(JsonNode? node) => node switch
    {
        JsonObject o => new SetupMapping([.. o.Select(p => new KeyValuePair<string, SetupNode>(p.Key, ToNode(p.Value)))]),
        JsonArray a => new SetupSequence([.. a.Select(ToNode)]),
        null => new SetupScalar(null),
        JsonValue v when v.TryGetValue<string>(out var s) => new SetupScalar(s),
        _ => new SetupScalar(node.ToJsonString()),
    };

    private static JsonObject Tree(SetupDocument d)
    {
        var root = new JsonObject();
        Add(root, "vendors", d.Vendors.Select(v => Object(("code", v.Code), ("name", v.Name), ("coders", Array(v.Coders.Select(Coder))))));
        Add(root, "practices", d.Practices.Select(p => Object(("code", p.Code), ("name", p.Name), ("physicians", Array(p.Physicians.Select(Physician))),
            ("payers", Array(p.Payers.Select(Payer))), ("billing", p.Billing is { } b ? Billing(b) : null))));
        Add(root, "auditFirms", d.AuditFirms.Select(a => Object(("code", a.Code), ("name", a.Name))));
        Add(root, "agreements", d.Agreements.Select(Agreement));
        Add(root, "contracts", d.Contracts.Select(Contract));

        // Written whenever the document has the key, even empty: a file without it leaves accounts
        // alone, a file with an empty list disables them all.
        if (d.Users is not null)
        {
            root[SetupBinder.UsersKey] = new JsonArray([.. d.Users.Select(u => (JsonNode?)User(u))]);
        }

        return root;
    }

    private static JsonObject User(UserSetup u) =>
        Object(("userName", u.UserName), ("displayName", u.DisplayName), ("email", u.Email), ("organization", u.Organization), ("role", u.Role),
            ("coder", u.Coder == u.UserName ? null : u.Coder), ("physicianNpi", u.PhysicianNpi), ("active", u.Active ? null : JsonValue.Create(false)));

    private static JsonObject Physician(PhysicianSetup p) =>
        Object(("npi", p.Npi), ("name", p.Name), ("taxonomy", p.Taxonomy), ("specialty", p.Specialty), ("active", p.Active ? null : JsonValue.Create(false)));

    private static JsonObject Payer(PayerSetup p) =>
        Object(("code", p.Code), ("name", p.Name), ("payerId", p.PayerId), ("claimFilingIndicator", p.ClaimFilingIndicator),
            ("receiver", Object(("qualifier", p.Receiver.Qualifier), ("id", p.Receiver.Id), ("groupCode", p.Receiver.GroupCode))),
            ("active", p.Active ? null : JsonValue.Create(false)));

    private static JsonObject Billing(BillingSetup b) =>
        Object(("npi", b.Npi), ("ein", b.Ein),
            ("address", Object(("line1", b.Address.Line1), ("line2", b.Address.Line2), ("city", b.Address.City), ("state", b.Address.State), ("zip", b.Address.Zip))),
            ("submitter", Object(("etin", b.Submitter.Etin), ("name", b.Submitter.Name), ("contactName", b.Submitter.ContactName), ("contactPhone", b.Submitter.ContactPhone))),
            ("production", b.Production ? JsonValue.Create(true) : null));

    private static JsonObject Coder(CoderSetup c) =>
        Object(("userName", c.UserName), ("name", c.Name), ("lead", c.Lead ? JsonValue.Create(true) : null), ("active", c.Active ? null : JsonValue.Create(false)),
            ("specialties", Array(c.Specialties.Select(s => (JsonNode?)JsonValue.Create(s)))),
            ("credentials", Array(c.Credentials.Select(k =>
                Object(("kind", k.Kind), ("number", k.Number), ("issuedOn", Day(k.IssuedOn)), ("expiresOn", Day(k.ExpiresOn)))))),
            ("absences", Array(c.Absences.Select(a =>
                Object(("from", Day(a.From)), ("through", Day(a.Through)), ("reason", a.Reason))))));

    private static JsonObject Agreement(AgreementSetup a) =>
        Object(("practice", a.Practice), ("vendor", a.Vendor), ("practiceSignatory", a.PracticeSignatory), ("vendorSignatory", a.VendorSignatory),
            ("signedOn", Day(a.SignedOn)), ("effectiveOn", Day(a.EffectiveOn)), ("expiresOn", a.ExpiresOn is { } e ? Day(e) : null),
            ("documentSha256", a.DocumentSha256), ("terminatedOn", a.TerminatedOn is { } t ? Day(t) : null));

    private static JsonObject Contract(ContractSetup c) =>
        Object(("practice", c.Practice), ("vendor", c.Vendor), ("effectiveOn", Day(c.EffectiveOn)),
            ("turnaroundTargetHours", JsonValue.Create(c.TurnaroundTargetHours)),
            ("clock", c.Clock == TurnaroundClockKind.BusinessHours ? "business-hours" : "calendar-hours"), ("timeZone", c.TimeZone),
            ("workingHours", Object(("opens", c.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)), ("closes", c.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("days", Array(c.WorkingDays.Order().Select(d => (JsonNode?)JsonValue.Create(d.ToString().ToLowerInvariant())))))),
            ("holidays", Array(c.Holidays.Order().Select(h => (JsonNode?)Day(h)))),
            ("accuracyFloorPercent", Number(c.AccuracyFloorPercent)), ("queryResponseWindowHours", JsonValue.Create(c.QueryResponseWindowHours)),
            ("openQueryPausesClock", JsonValue.Create(c.OpenQueryPausesClock)), ("correctedDocumentationRestartsClock", JsonValue.Create(c.CorrectedDocumentationRestartsClock)),
            ("monthlyFee", c.MonthlyFee),
            ("serviceCredits", Object(("thresholdPercent", Number(c.CreditThresholdPercent)), ("percentOfFeePerPoint", Number(c.CreditPercentOfFeePerPoint)),
                ("capPercentOfFee", Number(c.CreditCapPercentOfFee)))),
            ("remediationAfterConsecutiveBreachMonths", JsonValue.Create(c.RemediationAfterConsecutiveBreachMonths)));

    private static JsonValue Day(DateOnly day) => JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A decimal as written in a contract: 95, 2.5, never 95.00.</summary>
    private static JsonNode Number(decimal value) => JsonNode.Parse(value.ToString("0.############", CultureInfo.InvariantCulture))!;

    private static void Add(JsonObject parent, string key, IEnumerable<JsonObject> items)
    {
        if (Array(items) is { } array)
        {
            parent[key] = array;
        }
    }

    private static JsonArray? Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray([.. items]);
        return array.Count == 0 ? null : array;
    }

    /// <summary>An object of the fields that have a value; null fields (defaults, empty lists) are left out.</summary>
    private static JsonObject Object(params (string Key, JsonNode? Value)[] fields)
    {
        var o = new JsonObject();
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                o[key] = value;
            }
        }

        return o;
    }

    private static void WriteMapping(StringBuilder text, JsonObject map, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            var pad = firstInline && first ? string.Empty : new string(' ', indent);
            first = false;
            switch (value)
            {
                case JsonObject o:
                    text.Append(pad).Append(key).Append(":\n");
                    WriteMapping(text, o, indent + 2);
                    break;
                case JsonArray a:
                    text.Append(pad).Append(key).Append(":\n");
                    WriteSequence(text, a, indent + 2);
                    break;
                default:
                    text.Append(pad).Append(key).Append(": ").Append(Scalar(value!)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder text, JsonArray items, int indent)
    {
        foreach (var item in items)
        {
            text.Append(' ', indent).Append("- ");
            if (item is JsonObject o)
            {
                WriteMapping(text, o, indent + 2, firstInline: true);
            }
            else
            {
                text.Append(Scalar(item!)).Append('\n');
            }
        }
    }

    /// <summary>A scalar plain when YAML reads it back as the same text, else double-quoted (JSON escapes are YAML's).</summary>
    private static string Scalar(JsonNode value)
    {
        if (value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return value.ToJsonString();
        }

        var s = value.GetValue<string>();
        return Plain().IsMatch(s) && s is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off") ? s : JsonSerializer.Serialize(s, Indented);
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9][A-Za-z0-9 ._/()'-]*[A-Za-z0-9._)]|[A-Za-z0-9]|\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
