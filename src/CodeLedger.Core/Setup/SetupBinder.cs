using System.Globalization;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Core.Setup;

/// <summary>
/// Reads the document from a file's nodes and checks it whole: every field against the Core type
/// that will hold it (an NPI's check digit, a credential's dates, a contract's time zone), then
/// the file as a whole (codes, NPIs and user names unique; an agreement or contract naming a
/// practice and a vendor the file has; no contract without a BAA between the same two). Every
/// problem is collected with its path; the file is refused with all of them, or read.
/// </summary>
public static class SetupBinder
{
    /// <summary>The top-level key of user accounts: absent, the file leaves accounts alone; present (even empty), it lists them all.</summary>
    public const string UsersKey = "users";

    public static SetupDocument Bind(SetupNode root)
    {
        var b = new Binder();
        var document = b.Document(root);
        if (b.Problems.Count == 0)
        {
            CrossCheck(document, b.Problems);
        }

        return b.Problems.Count == 0 ? document : throw new SetupRefusedException(SetupErrors.Invalid, b.Problems);
    }

    /// <summary>Rules between entries: uniqueness and references.</summary>
    private static void CrossCheck(SetupDocument d, List<string> problems)
    {
        var kinds = new Dictionary<string, (OrganizationKind Kind, string Path)>(StringComparer.Ordinal);
        void Org(string code, OrganizationKind kind, string path)
        {
            if (kinds.TryGetValue(code, out var first))
            {
                problems.Add($"{path}.code: organization code {code} is already used at {first.Path}");
            }
            else
            {
                kinds[code] = (kind, path);
            }
        }

        for (var i = 0; i < d.Vendors.Count; i++)
        {
            Org(d.Vendors[i].Code, OrganizationKind.CodingVendor, $"vendors[{i}]");
        }

        for (var i = 0; i < d.Practices.Count; i++)
        {
            Org(d.Practices[i].Code, OrganizationKind.Practice, $"practices[{i}]");
        }

        for (var i = 0; i < d.AuditFirms.Count; i++)
        {
            Org(d.AuditFirms[i].Code, OrganizationKind.AuditFirm, $"auditFirms[{i}]");
        }

        var npis = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Practices.Count; i++)
        {
            for (var j = 0; j < d.Practices[i].Physicians.Count; j++)
            {
                var path = $"practices[{i}].physicians[{j}]";
                if (!npis.TryAdd(d.Practices[i].Physicians[j].Npi, path))
                {
                    problems.Add($"{path}.npi: NPI {d.Practices[i].Physicians[j].Npi} is already listed at {npis[d.Practices[i].Physicians[j].Npi]}");
                }
            }
        }

        for (var i = 0; i < d.Practices.Count; i++)
        {
            var payers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < d.Practices[i].Payers.Count; j++)
            {
                if (!payers.TryAdd(d.Practices[i].Payers[j].Code, j))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"practices[{i}].payers[{j}].code: payer {d.Practices[i].Payers[j].Code} is already listed at practices[{i}].payers[{payers[d.Practices[i].Payers[j].Code]}]"));
                }
            }
        }

        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Vendors.Count; i++)
        {
            for (var j = 0; j < d.Vendors[i].Coders.Count; j++)
            {
                var path = $"vendors[{i}].coders[{j}]";
                var user = d.Vendors[i].Coders[j].UserName;
                if (!users.TryAdd(user, path))
                {
                    problems.Add($"{path}.userName: coder {Echo.Quote(user)} is already listed at {users[user]}");
                }
            }
        }

        Users(d, kinds.ToDictionary(k => k.Key, k => k.Value.Kind, StringComparer.Ordinal), problems);

        void Party(string code, OrganizationKind kind, string path)
        {
            if (!kinds.TryGetValue(code, out var org))
            {
                problems.Add($"{path}: no {Name(kind)} with code {code} in the file");
            }
            else if (org.Kind != kind)
            {
                problems.Add($"{path}: {code} is {Article(Name(org.Kind))}, not {Article(Name(kind))}");
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Agreements.Count; i++)
        {
            var a = d.Agreements[i];
            Party(a.Practice, OrganizationKind.Practice, $"agreements[{i}].practice");
            Party(a.Vendor, OrganizationKind.CodingVendor, $"agreements[{i}].vendor");
            if (!keys.Add(a.Key))
            {
                problems.Add($"agreements[{i}]: a second agreement of {a.Practice} with {a.Vendor} effective {StateText(a.EffectiveOn)}");
            }
        }

        keys.Clear();
        for (var i = 0; i < d.Contracts.Count; i++)
        {
            var c = d.Contracts[i];
            Party(c.Practice, OrganizationKind.Practice, $"contracts[{i}].practice");
            Party(c.Vendor, OrganizationKind.CodingVendor, $"contracts[{i}].vendor");
            if (!keys.Add(c.Key))
            {
                problems.Add($"contracts[{i}]: a second contract of {c.Practice} with {c.Vendor} effective {StateText(c.EffectiveOn)}");
            }

            // The contract is what makes the vendor code the practice's encounters, which moves PHI:
            // without a BAA between the same two, signed by the contract's first day, it is refused.
            if (!d.Agreements.Any(a => a.Practice == c.Practice && a.Vendor == c.Vendor && a.SignedOn <= c.EffectiveOn))
            {
                problems.Add($"contracts[{i}]: no BAA between {c.Practice} and {c.Vendor} signed by {StateText(c.EffectiveOn)}; a contract needs one (45 CFR 164.504(e))");
            }
        }
    }

    /// <summary>
    /// Users against the file's organizations: names unique, the organization listed (a file lists
    /// every organization, since none is ever removed), the role fitting its kind
    /// (<see cref="AccountRules.Fits"/>), and the coder or physician linked listed in it.
    /// </summary>
    private static void Users(SetupDocument d, Dictionary<string, OrganizationKind> kinds, List<string> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (d.Users?.Count ?? 0); i++)
        {
            var u = d.Users![i];
            var path = string.Create(CultureInfo.InvariantCulture, $"users[{i}]");
            if (!seen.TryAdd(u.UserName, i))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.userName: user {u.UserName} is already listed at users[{seen[u.UserName]}]"));
            }

            if (!kinds.TryGetValue(u.Organization, out var kind))
            {
                problems.Add($"{path}.organization: no organization with code {u.Organization} in the file");
                continue;
            }

            var role = UserRoles.TryParse(u.Role, out var r) ? r : throw new InvalidOperationException("checked by the binder");
            if (!AccountRules.Fits(role, kind))
            {
                problems.Add($"{path}.role: a {u.Role} cannot belong to {u.Organization}, {AccountRules.KindWithArticle(kind)}");
                continue;
            }

            if (u.Coder is { } coder && !d.Vendors.Any(v => v.Code == u.Organization && v.Coders.Any(c => c.UserName == coder)))
            {
                problems.Add($"{path}.coder: no coder {coder} at {u.Organization} in the file");
            }

            if (u.PhysicianNpi is { } npi && !d.Practices.Any(p => p.Code == u.Organization && p.Physicians.Any(x => x.Npi == npi)))
            {
                problems.Add($"{path}.physicianNpi: NPI {npi} is not listed at {u.Organization}");
            }
        }
    }

    private static string Name(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Practice => "practice",
        OrganizationKind.CodingVendor => "vendor",
        _ => "audit firm",
    };

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    private static string StateText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Walks the nodes, one method per record, collecting problems; a field that fails gives a placeholder so the walk goes on.</summary>
    private sealed class Binder
    {
        public List<string> Problems { get; } = [];

        public SetupDocument Document(SetupNode root)
        {
            if (Map(root, "the file", out var m, ["vendors", "practices", "auditFirms", "agreements", "contracts", UsersKey]) is false)
            {
                return SetupDocument.Empty;
            }

            return new SetupDocument(
                List(m, "vendors", string.Empty, Vendor),
                List(m, "practices", string.Empty, Practice),
                List(m, "auditFirms", string.Empty, AuditFirm),
                List(m, "agreements", string.Empty, Agreement),
                List(m, "contracts", string.Empty, Contract),
                m.ContainsKey(UsersKey) ? List(m, UsersKey, string.Empty, User) : null);
        }

        /// <summary>
        /// A user's own fields, by the account rules of Core (<see cref="AccountRules"/>): the user
        /// name's form, the role's name, and the link the role needs. Whether the organization,
        /// coder and physician exist, and fit, is the file's cross-check.
        /// </summary>
        private UserSetup User(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["userName", "displayName", "email", "organization", "role", "coder", "physicianNpi", "active"]))
            {
                return new(string.Empty, string.Empty, null, string.Empty, string.Empty, null, null);
            }

            var userName = Text(m, "userName", path);
            if (userName.Length > 0)
            {
                Check(path, "userName", () => AccountRules.UserName(userName));
            }

            var displayName = Text(m, "displayName", path, 200);
            var email = Optional(m, "email", path, 254);
            if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
            {
                Problems.Add($"{Join(path, "email")}: {Echo.Quote(email)} is not an email address");
            }

            var organization = Text(m, "organization", path, 40);
            var roleText = Text(m, "role", path);
            var coder = Optional(m, "coder", path, 64);
            var npi = Optional(m, "physicianNpi", path, 10);
            var active = Bool(m, "active", path, true);
            if (roleText.Length > 0 && !UserRoles.TryParse(roleText, out _))
            {
                Problems.Add($"{Join(path, "role")}: unknown role {Echo.Quote(roleText)} (one of {string.Join(", ", UserRoles.All)})");
            }
            else if (roleText.Length > 0 && userName.Length > 0 && UserRoles.TryParse(roleText, out var role))
            {
                // The field at fault: the one given that the role does not take, else the one it needs.
                var key = role switch
                {
                    UserRole.Physician => coder is null ? "physicianNpi" : "coder",
                    UserRole.Coder or UserRole.CodingLead => npi is null ? "coder" : "physicianNpi",
                    _ => coder is null ? "physicianNpi" : "coder",
                };
                try
                {
                    (coder, npi) = AccountRules.Link(userName, role, coder, npi);
                }
                catch (DomainException e)
                {
                    Problems.Add($"{Join(path, key)}: {e.Message}");
                }
            }

            return new(userName, displayName, email, organization, roleText, coder, npi, active);
        }

        private string? Optional(Dictionary<string, SetupNode> m, string key, string path, int maxLength) =>
            !m.TryGetValue(key, out var node) || node is SetupScalar { Text: null } ? null : Text(m, key, path, maxLength) is { Length: > 0 } text ? text : null;

        private OrganizationSetup Vendor(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["code", "name", "coders"]))
            {
                return new(string.Empty, string.Empty, []);
            }

            var (code, name) = OrgFields(m, path, OrganizationKind.CodingVendor);
            return new(code, name, List(m, "coders", path, Coder));
        }

        private OrganizationSetup AuditFirm(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["code", "name"]))
            {
                return new(string.Empty, string.Empty, []);
            }

            var (code, name) = OrgFields(m, path, OrganizationKind.AuditFirm);
            return new(code, name, []);
        }

        private PracticeSetup Practice(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["code", "name", "physicians", "payers", "billing"]))
            {
                return new(string.Empty, string.Empty, []);
            }

            var (code, name) = OrgFields(m, path, OrganizationKind.Practice);
            var physicians = List(m, "physicians", path, Physician);
            var payers = List(m, "payers", path, Payer);
            var billing = m.TryGetValue("billing", out var b) && b is not SetupScalar { Text: null } ? Billing(b, Join(path, "billing")) : null;
            return new(code, name, physicians, payers, billing);
        }

        /// <summary>SBR09, the claim filing indicator code of the 837P (005010X222A1).</summary>
        public static readonly string[] FilingIndicators =
            ["11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"];

        /// <summary>ISA07, the interchange id qualifier (005010 control segments).</summary>
        public static readonly string[] InterchangeQualifiers = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"];

        private PayerSetup Payer(SetupNode node, string path)
        {
            var empty = new PayerSetup(string.Empty, string.Empty, string.Empty, string.Empty, new ReceiverSetup(string.Empty, string.Empty, string.Empty));
            if (!Map(node, path, out var m, ["code", "name", "payerId", "claimFilingIndicator", "receiver", "active"]))
            {
                return empty;
            }

            var code = Text(m, "code", path, 40);
            if (code.Length > 0 && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Problems.Add($"{Join(path, "code")}: {Echo.Quote(code)} is not a payer code (letters, digits, '-' and '_', at most 40)");
            }

            var name = Text(m, "name", path, 60);
            var payerId = Text(m, "payerId", path, 80);
            if (payerId.Length > 0 && (payerId.Length < 2 || !payerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-')))
            {
                Problems.Add($"{Join(path, "payerId")}: {Echo.Quote(payerId)} is not a payer id (2 to 80 letters, digits or '-')");
            }

            var indicator = Text(m, "claimFilingIndicator", path, 2);
            if (indicator.Length > 0 && !FilingIndicators.Contains(indicator, StringComparer.Ordinal))
            {
                Problems.Add($"{Join(path, "claimFilingIndicator")}: {Echo.Quote(indicator)} is not a claim filing indicator of the 837P's SBR09 (one of {string.Join(", ", FilingIndicators)})");
            }

            var receiver = new ReceiverSetup(string.Empty, string.Empty, string.Empty);
            var at = Join(path, "receiver");
            if (!m.TryGetValue("receiver", out var r))
            {
                Problems.Add($"{at}: required");
            }
            else if (Map(r, at, out var rm, ["qualifier", "id", "groupCode"]))
            {
                var qualifier = Text(rm, "qualifier", at, 2);
                if (qualifier.Length > 0 && !InterchangeQualifiers.Contains(qualifier, StringComparer.Ordinal))
                {
                    Problems.Add($"{Join(at, "qualifier")}: {Echo.Quote(qualifier)} is not an interchange id qualifier of ISA07 (one of {string.Join(", ", InterchangeQualifiers)})");
                }

                var id = Text(rm, "id", at, 15);
                var group = Text(rm, "groupCode", at, 15);
                if (id.Length > 0 && !id.All(X12Safe))
                {
                    Problems.Add($"{Join(at, "id")}: {Echo.Quote(id)} holds a character an interchange header cannot carry (letters, digits, space, '-', '.')");
                }

                if (group.Length == 1 || (group.Length > 0 && !group.All(X12Safe)))
                {
                    Problems.Add($"{Join(at, "groupCode")}: {Echo.Quote(group)} is not a GS03 receiver code (2 to 15 letters, digits, space, '-', '.')");
                }

                receiver = new ReceiverSetup(qualifier, id, group);
            }

            return new PayerSetup(code, name, payerId, indicator, receiver, Bool(m, "active", path, true));
        }

        private static bool X12Safe(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.';

        /// <summary>
        /// The billing profile. The address is the billing provider's (loop 2010AA), whose N403 the
        /// 837P guide requires as the nine-digit ZIP+4: a five-digit ZIP is refused here rather than
        /// accepted and then put every claim of the practice in the fix queue.
        /// </summary>
        private BillingSetup Billing(SetupNode node, string path)
        {
            var emptyAddress = new AddressSetup(string.Empty, null, string.Empty, string.Empty, string.Empty);
            var emptySubmitter = new SubmitterSetup(string.Empty, string.Empty, string.Empty, string.Empty);
            if (!Map(node, path, out var m, ["npi", "ein", "address", "submitter", "production"]))
            {
                return new BillingSetup(string.Empty, string.Empty, emptyAddress, emptySubmitter);
            }

            var npiText = Text(m, "npi", path, 10);
            var npi = npiText.Length == 0 ? default : Parsed<Npi>(path, "npi", npiText, Codes.Npi.TryParse);
            var ein = Text(m, "ein", path, 10);
            if (ein.Length > 0 && (ein.Length != 9 || !ein.All(char.IsAsciiDigit)))
            {
                Problems.Add($"{Join(path, "ein")}: {Echo.Quote(ein)} is not an EIN (9 digits, no dash)");
            }

            var address = emptyAddress;
            var at = Join(path, "address");
            if (!m.TryGetValue("address", out var a))
            {
                Problems.Add($"{at}: required");
            }
            else if (Map(a, at, out var am, ["line1", "line2", "city", "state", "zip"]))
            {
                var line1 = Text(am, "line1", at, 55);
                var line2 = Optional(am, "line2", at, 55);
                var city = Text(am, "city", at, 30);
                if (city.Length == 1)
                {
                    Problems.Add($"{Join(at, "city")}: at least 2 characters (N401)");
                }

                var state = Text(am, "state", at, 2);
                if (state.Length > 0 && !UsPostal.IsState(state))
                {
                    Problems.Add($"{Join(at, "state")}: {Echo.Quote(state)} is not a two-letter US state code (upper case, as USPS writes it)");
                }

                var zipText = Text(am, "zip", at, 10);
                var zip = UsPostal.Zip(zipText);
                if (zipText.Length > 0 && zip is null)
                {
                    Problems.Add($"{Join(at, "zip")}: {Echo.Quote(zipText)} is not a ZIP code (9 digits: ZIP+4, with or without the dash)");
                }
                else if (zip is { Length: 5 })
                {
                    Problems.Add($"{Join(at, "zip")}: the billing provider's ZIP must be the 9-digit ZIP+4 (the 837P guide's N403 in loop 2010AA); {zip} has 5");
                }

                address = new AddressSetup(line1, line2, city, state, zip ?? zipText);
            }

            var submitter = emptySubmitter;
            at = Join(path, "submitter");
            if (!m.TryGetValue("submitter", out var s))
            {
                Problems.Add($"{at}: required");
            }
            else if (Map(s, at, out var sm, ["etin", "name", "contactName", "contactPhone"]))
            {
                var etin = Text(sm, "etin", at, 15);
                if (etin.Length == 1 || (etin.Length > 0 && !etin.All(X12Safe)))
                {
                    Problems.Add($"{Join(at, "etin")}: {Echo.Quote(etin)} is not a submitter id (2 to 15 letters, digits, space, '-', '.'; ISA06 and loop 1000A NM109)");
                }

                var name = Text(sm, "name", at, 60);
                var contact = Text(sm, "contactName", at, 60);
                var phone = Text(sm, "contactPhone", at, 10);
                if (phone.Length > 0 && (phone.Length != 10 || !phone.All(char.IsAsciiDigit)))
                {
                    Problems.Add($"{Join(at, "contactPhone")}: {Echo.Quote(phone)} is not a telephone number (10 digits, no punctuation: area code and number)");
                }

                submitter = new SubmitterSetup(etin, name, contact, phone);
            }

            return new BillingSetup(npi.Value ?? npiText, ein, address, submitter, Bool(m, "production", path, false));
        }

        private (string Code, string Name) OrgFields(Dictionary<string, SetupNode> m, string path, OrganizationKind kind)
        {
            var code = Text(m, "code", path);
            var name = Text(m, "name", path);
            if (code.Length > 0 && name.Length > 0)
            {
                if (code.Length > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    Problems.Add($"{Join(path, "code")}: {Echo.Quote(code)} is not an organization code (letters, digits, '-' and '_', at most 40)");
                }
                else
                {
                    Check(path, "name", () => new Organization(Guid.Empty, code, name, kind));
                }
            }

            return (code, name);
        }

        private PhysicianSetup Physician(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["npi", "name", "taxonomy", "specialty", "active"]))
            {
                return new(string.Empty, string.Empty, string.Empty, string.Empty);
            }

            var name = Text(m, "name", path, 200);
            var npiText = Text(m, "npi", path);
            var npi = npiText.Length == 0 ? default : Parsed<Npi>(path, "npi", npiText, Codes.Npi.TryParse);
            var taxonomyText = Text(m, "taxonomy", path);
            var taxonomy = taxonomyText.Length == 0 ? default : Parsed<TaxonomyCode>(path, "taxonomy", taxonomyText, TaxonomyCode.TryParse);
            var specialtyText = Text(m, "specialty", path);
            var specialty = specialtyText.Length == 0 ? default : Parsed<Specialty>(path, "specialty", specialtyText, Codes.Specialty.TryParse);
            var active = Bool(m, "active", path, true);
            return new(npi.Value ?? npiText, name, taxonomy.Value ?? taxonomyText, specialty.Value ?? specialtyText, active);
        }

        private CoderSetup Coder(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["userName", "name", "lead", "active", "specialties", "credentials", "absences"]))
            {
                return new(string.Empty, string.Empty, false, true, [], [], []);
            }

            var user = Text(m, "userName", path, 64);
            var name = Text(m, "name", path, 200);
            var specialties = List(m, "specialties", path, (n, p) =>
            {
                var text = Scalar(n, p) ?? string.Empty;
                return Parsed<Specialty>(p, null, text, Codes.Specialty.TryParse).Value ?? text;
            });
            return new(user, name, Bool(m, "lead", path, false), Bool(m, "active", path, true), specialties,
                List(m, "credentials", path, Credential), List(m, "absences", path, Absence));
        }

        private CredentialSetup Credential(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["kind", "number", "issuedOn", "expiresOn"]))
            {
                return new(string.Empty, string.Empty, default, default);
            }

            var kindText = Text(m, "kind", path);
            var kind = CredentialKind.Cpc;
            if (kindText.Length > 0 && !CredentialNames.TryParse(kindText, out kind))
            {
                Problems.Add($"{Join(path, "kind")}: {Echo.Quote(kindText)} is not a credential (CPC, CCS-P, CCS, COC, CCTC, CCC, COSC, CRC, CEMC, CPMA, CFPC, CIMC)");
            }

            var number = Text(m, "number", path, 40);
            var issued = Date(m, "issuedOn", path);
            var expires = Date(m, "expiresOn", path);
            if (issued is { } i && expires is { } e && number.Length > 0)
            {
                Check(path, "expiresOn", () => new Credential(kind, number, i, e));
            }

            return new(kindText.Length > 0 ? CredentialNames.Name(kind) : kindText, number, issued ?? default, expires ?? default);
        }

        private AbsenceSetup Absence(SetupNode node, string path)
        {
            if (!Map(node, path, out var m, ["from", "through", "reason"]))
            {
                return new(default, default, string.Empty);
            }

            var from = Date(m, "from", path);
            var through = Date(m, "through", path);
            var reason = Text(m, "reason", path, 200);
            if (from is { } f && through is { } t && reason.Length > 0)
            {
                Check(path, "through", () => new Absence(f, t, reason));
            }

            return new(from ?? default, through ?? default, reason);
        }

        private AgreementSetup Agreement(SetupNode node, string path)
        {
            string[] fields = ["practice", "vendor", "practiceSignatory", "vendorSignatory", "signedOn", "effectiveOn", "expiresOn", "documentSha256", "terminatedOn"];
            if (!Map(node, path, out var m, fields))
            {
                return new(string.Empty, string.Empty, string.Empty, string.Empty, default, default, null, string.Empty);
            }

            var practice = Text(m, "practice", path, 40);
            var vendor = Text(m, "vendor", path, 40);
            var practiceSignatory = Text(m, "practiceSignatory", path, 200);
            var vendorSignatory = Text(m, "vendorSignatory", path, 200);
            var signed = Date(m, "signedOn", path);
            var effective = Date(m, "effectiveOn", path);
            var expires = Date(m, "expiresOn", path, required: false);
            var hash = Text(m, "documentSha256", path).ToLowerInvariant();
            var terminated = Date(m, "terminatedOn", path, required: false);
            if (hash.Length > 0 && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
            {
                Problems.Add($"{Join(path, "documentSha256")}: {Echo.Quote(hash)} is not a SHA-256 (64 hexadecimal digits)");
            }
            else if (signed is { } s && effective is { } e && practiceSignatory.Length > 0 && vendorSignatory.Length > 0 && hash.Length > 0)
            {
                Check(path, "effectiveOn", () => new BusinessAssociateAgreement(Guid.Empty, Guid.Empty, Guid.Empty, practiceSignatory, vendorSignatory, s, e, expires, hash));
                if (terminated is { } t && t < s)
                {
                    Problems.Add($"{Join(path, "terminatedOn")}: the agreement is terminated ({StateText(t)}) before it was signed ({StateText(s)})");
                }
            }

            return new(practice, vendor, practiceSignatory, vendorSignatory, signed ?? default, effective ?? default, expires, hash, terminated);
        }

        private ContractSetup Contract(SetupNode node, string path)
        {
            string[] fields =
            [
                "practice", "vendor", "effectiveOn", "turnaroundTargetHours", "clock", "timeZone", "workingHours", "holidays", "accuracyFloorPercent",
                "queryResponseWindowHours", "openQueryPausesClock", "correctedDocumentationRestartsClock", "monthlyFee", "serviceCredits",
                "remediationAfterConsecutiveBreachMonths",
            ];
            var empty = new ContractSetup(string.Empty, string.Empty, default, 0, default, string.Empty, default, default, [], [], 0, 0, false, false, string.Empty, 0, 0, 0, 0);
            if (!Map(node, path, out var m, fields))
            {
                return empty;
            }

            var before = Problems.Count;
            var practice = Text(m, "practice", path, 40);
            var vendor = Text(m, "vendor", path, 40);
            var effective = Date(m, "effectiveOn", path) ?? default;
            var target = Int(m, "turnaroundTargetHours", path);
            var clockText = Text(m, "clock", path);
            var clock = clockText switch
            {
                "calendar-hours" => TurnaroundClockKind.CalendarHours,
                "business-hours" => TurnaroundClockKind.BusinessHours,
                "" => TurnaroundClockKind.CalendarHours,
                _ => Problem(path, "clock", $"{Echo.Quote(clockText)} is not calendar-hours or business-hours", TurnaroundClockKind.CalendarHours),
            };
            var zone = Text(m, "timeZone", path, 64);
            if (zone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                Problems.Add($"{Join(path, "timeZone")}: {Echo.Quote(zone)} is not an IANA time zone known to this machine");
            }

            var (opens, closes, days) = Hours(m, path);
            var holidays = List(m, "holidays", path, (n, p) => DateOf(Scalar(n, p), p, null) ?? default);
            var accuracy = Decimal(m, "accuracyFloorPercent", path);
            var window = Int(m, "queryResponseWindowHours", path);
            var pauses = Bool(m, "openQueryPausesClock", path, null);
            var restarts = Bool(m, "correctedDocumentationRestartsClock", path, null);
            var feeText = Text(m, "monthlyFee", path);
            var fee = Money.Zero;
            if (feeText.Length > 0 && !Money.TryParse(feeText, out fee))
            {
                Problems.Add($"{Join(path, "monthlyFee")}: {Echo.Quote(feeText)} is not an amount of money (2500.00)");
            }

            var (threshold, perPoint, cap) = Credits(m, path);
            var remediation = Int(m, "remediationAfterConsecutiveBreachMonths", path);
            if (Problems.Count == before)
            {
                Check(path, "terms", () => new SlaContract(Guid.Empty, Guid.Empty, Guid.Empty, effective, target, clock, zone,
                    new WorkingHours(opens, closes, days), holidays, accuracy, window, pauses, restarts,
                    new ServiceCreditSchedule(threshold, perPoint, cap), fee, remediation));
            }

            return new(practice, vendor, effective, target, clock, zone, opens, closes, days, holidays, accuracy, window, pauses, restarts,
                fee.ToString(), threshold, perPoint, cap, remediation);
        }

        private (TimeOnly Opens, TimeOnly Closes, IReadOnlyList<DayOfWeek> Days) Hours(Dictionary<string, SetupNode> m, string path)
        {
            var at = Join(path, "workingHours");
            if (!m.TryGetValue("workingHours", out var node))
            {
                Problems.Add($"{at}: required");
                return (default, default, []);
            }

            if (!Map(node, at, out var h, ["opens", "closes", "days"]))
            {
                return (default, default, []);
            }

            var opens = Time(h, "opens", at);
            var closes = Time(h, "closes", at);
            var days = List(h, "days", at, (n, p) =>
            {
                var text = Scalar(n, p) ?? string.Empty;
                return Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var d) && !text.Any(char.IsAsciiDigit) && Enum.IsDefined(d)
                    ? d : Problem(p, null, $"{Echo.Quote(text)} is not a day of the week (monday...sunday)", DayOfWeek.Monday);
            });
            if (m.ContainsKey("workingHours") && h.ContainsKey("days") && days.Count == 0)
            {
                Problems.Add($"{Join(at, "days")}: at least one working day");
            }
            else if (closes <= opens && h.ContainsKey("opens") && h.ContainsKey("closes"))
            {
                Problems.Add($"{Join(at, "closes")}: working hours close ({closes:HH\\:mm}) at or before they open ({opens:HH\\:mm})");
            }

            return (opens, closes, days);
        }

        private (decimal Threshold, decimal PerPoint, decimal Cap) Credits(Dictionary<string, SetupNode> m, string path)
        {
            var at = Join(path, "serviceCredits");
            if (!m.TryGetValue("serviceCredits", out var node))
            {
                Problems.Add($"{at}: required");
                return (0, 0, 0);
            }

            if (!Map(node, at, out var c, ["thresholdPercent", "percentOfFeePerPoint", "capPercentOfFee"]))
            {
                return (0, 0, 0);
            }

            return (Decimal(c, "thresholdPercent", at), Decimal(c, "percentOfFeePerPoint", at), Decimal(c, "capPercentOfFee", at));
        }

        // ---- fields ----

        private bool Map(SetupNode node, string path, out Dictionary<string, SetupNode> map, string[] known)
        {
            map = new Dictionary<string, SetupNode>(StringComparer.Ordinal);
            if (node is not SetupMapping mapping)
            {
                Problems.Add($"{path}: must be a mapping of fields, not {node.Kind}");
                return false;
            }

            foreach (var (key, value) in mapping.Entries)
            {
                if (!known.Contains(key, StringComparer.Ordinal))
                {
                    Problems.Add($"{Join(path == "the file" ? string.Empty : path, Echo.Prefix(key))}: not a field here (fields: {string.Join(", ", known)})");
                }
                else if (!map.TryAdd(key, value))
                {
                    Problems.Add($"{Join(path == "the file" ? string.Empty : path, key)}: given twice");
                }
            }

            return true;
        }

        private IReadOnlyList<T> List<T>(Dictionary<string, SetupNode> m, string key, string path, Func<SetupNode, string, T> item)
        {
            if (!m.TryGetValue(key, out var node) || node is SetupScalar { Text: null })
            {
                return [];
            }

            var at = Join(path, key);
            if (node is not SetupSequence seq)
            {
                Problems.Add($"{at}: must be a list, not {node.Kind}");
                return [];
            }

            return [.. seq.Items.Select((n, i) => item(n, string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]")))];
        }

        private string? Scalar(SetupNode node, string path)
        {
            if (node is SetupScalar s)
            {
                return s.Text;
            }

            Problems.Add($"{path}: must be a single value, not {node.Kind}");
            return null;
        }

        private string Text(Dictionary<string, SetupNode> m, string key, string path, int maxLength = 64)
        {
            var at = Join(path, key);
            if (!m.TryGetValue(key, out var node))
            {
                Problems.Add($"{at}: required");
                return string.Empty;
            }

            var text = Scalar(node, at)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (node is SetupScalar)
                {
                    Problems.Add($"{at}: required");
                }

                return string.Empty;
            }

            if (text.Length > maxLength)
            {
                Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: longer than {maxLength} characters"));
                return string.Empty;
            }

            return text;
        }

        private bool Bool(Dictionary<string, SetupNode> m, string key, string path, bool? absent)
        {
            var at = Join(path, key);
            if (!m.TryGetValue(key, out var node))
            {
                if (absent is null)
                {
                    Problems.Add($"{at}: required");
                }

                return absent ?? false;
            }

            return Scalar(node, at) switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                var other => Problem(at, null, $"{Echo.Quote(other)} is not true or false", false),
            };
        }

        private int Int(Dictionary<string, SetupNode> m, string key, string path)
        {
            var text = Text(m, key, path);
            if (text.Length == 0)
            {
                return 0;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value : Problem(Join(path, key), null, $"{Echo.Quote(text)} is not a whole number", 0);
        }

        private decimal Decimal(Dictionary<string, SetupNode> m, string key, string path)
        {
            var text = Text(m, key, path);
            if (text.Length == 0)
            {
                return 0;
            }

            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value : Problem(Join(path, key), null, $"{Echo.Quote(text)} is not a number", 0m);
        }

        private DateOnly? Date(Dictionary<string, SetupNode> m, string key, string path, bool required = true)
        {
            if (!required && (!m.TryGetValue(key, out var node) || node is SetupScalar { Text: null }))
            {
                return null;
            }

            var text = Text(m, key, path);
            return text.Length == 0 ? null : DateOf(text, path, key);
        }

        private DateOnly? DateOf(string? text, string path, string? key) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : Problem<DateOnly?>(path, key, $"{Echo.Quote(text)} is not a date (YYYY-MM-DD)", null);

        private TimeOnly Time(Dictionary<string, SetupNode> m, string key, string path)
        {
            var text = Text(m, key, path);
            if (text.Length == 0)
            {
                return default;
            }

            return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time : Problem(path, key, $"{Echo.Quote(text)} is not a time of day (HH:MM)", default(TimeOnly));
        }

        private T Parsed<T>(string path, string? key, string text, TryParse<T> parse)
        {
            if (parse(text, out var value, out var error))
            {
                return value;
            }

            Problems.Add($"{Join(path, key)}: {error}");
            return default!;
        }

        private void Check(string path, string key, Action construct)
        {
            try
            {
                construct();
            }
            catch (DomainException e)
            {
                Problems.Add($"{Join(path, key)}: {e.Message}");
            }
        }

        private T Problem<T>(string path, string? key, string message, T placeholder)
        {
            Problems.Add($"{Join(path, key)}: {message}");
            return placeholder;
        }

        private static string Join(string path, string? key) => key is null ? path : path.Length == 0 ? key : $"{path}.{key}";

        public delegate bool TryParse<T>(string? text, out T value, out string? error);
    }
}
