using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Setup;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Billing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Setup;

/// <summary>
/// The id a new organization, agreement, contract, physician or coder gets, from its kind
/// (<c>organization</c>, <c>agreement</c>, <c>contract</c>, <c>physician</c>, <c>coder</c>) and
/// its natural key (code, NPI, user name, practice/vendor/effective date).
/// </summary>
public delegate Guid SetupIdSource(string kind, string key);

/// <summary>What applying a setup did (or, for a dry run, would do).</summary>
public sealed record SetupOutcome(IReadOnlyList<SetupChange> Changes, bool DryRun)
{
    public bool NothingChanged => Changes.Count == 0;
}

/// <summary>
/// Loads today's setup as a document, calls <see cref="SetupDiff"/> with the file (or with a daily
/// command's edit of today's setup), and saves the changes with their ledger events in one
/// <see cref="CodeLedgerStore.WriteAsync{T}"/>. The file is checked whole before: nothing is
/// written when anything is wrong. The daily commands (<c>physicians add</c>, <c>baa terminate</c>...)
/// are edits of the stored document through the same path, never a second way to write.
/// </summary>
public sealed class SetupDesk(CodeLedgerStore store)
{
    /// <summary>
    /// Ids derived from the natural key (a name-based UUID over SHA-256): the same on every retry of
    /// a write, so a change lambda that runs twice builds the same rows.
    /// </summary>
    public static SetupIdSource DerivedIds { get; } = (kind, key) =>
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"codeledger-setup/{kind}/{key}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    };

    public async Task<SetupDocument> ExportAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        return (await Stored.LoadAsync(db, tracked: false, ct)).Document;
    }

    public Task<SetupOutcome> ApplyAsync(SetupDocument file, string actor, bool dryRun = false, CancellationToken ct = default) =>
        ApplyAsync(_ => file, actor, dryRun, DerivedIds, ct);

    /// <summary>
    /// Applies <paramref name="edit"/> of today's setup. The edited document is checked by the same
    /// binder as a file (<see cref="SetupBinder"/>), then diffed; conflicts refuse it whole.
    /// </summary>
    public async Task<SetupOutcome> ApplyAsync(Func<SetupDocument, SetupDocument> edit, string actor, bool dryRun, SetupIdSource ids, CancellationToken ct = default)
    {
        if (dryRun)
        {
            await using var db = store.CreateContext();
            var stored = await Stored.LoadAsync(db, tracked: false, ct);
            return new SetupOutcome(Plan(stored, edit).Changes, DryRun: true);
        }

        return await store.WriteAsync(actor, async (db, ledger) =>
        {
            var stored = await Stored.LoadAsync(db, tracked: true, ct);
            var plan = Plan(stored, edit);
            foreach (var change in plan.Changes)
            {
                stored.Apply(change, db, ledger, ids);
            }

            return new SetupOutcome(plan.Changes, DryRun: false);
        }, ct);
    }

    private static SetupPlan Plan(Stored stored, Func<SetupDocument, SetupDocument> edit)
    {
        var target = SetupBinder.Bind(SetupWriter.Node(edit(stored.Document)));
        var plan = SetupDiff.Compute(stored.Document, target);
        return plan.Conflicts.Count > 0 ? throw new SetupRefusedException(SetupErrors.Conflict, plan.Conflicts) : plan;
    }

    /// <summary>The stored setup: the rows, by natural key, and the same as a document.</summary>
    private sealed class Stored
    {
        private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, BusinessAssociateAgreement> _agreements = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Physician> _physicians = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Coder> _coders = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CodeLedgerUser> _users = new(StringComparer.Ordinal);
        private readonly Dictionary<(Guid Practice, string Code), PayerRow> _payers = [];
        private readonly Dictionary<Guid, BillingProfileRow> _billingProfiles = [];

        public SetupDocument Document { get; private init; } = SetupDocument.Empty;

        public static async Task<Stored> LoadAsync(CodeLedgerDbContext db, bool tracked, CancellationToken ct)
        {
            IQueryable<T> Q<T>(DbSet<T> set)
                where T : class => tracked ? set : set.AsNoTracking();

            var organizations = await Q(db.Organizations).ToListAsync(ct);
            var agreements = await Q(db.BusinessAssociateAgreements).ToListAsync(ct);
            var contracts = await db.SlaContracts.AsNoTracking().ToListAsync(ct);
            var physicians = await Q(db.Physicians).ToListAsync(ct);
            var coders = await Q(db.Coders).ToListAsync(ct);
            var users = await Q(db.Users).ToListAsync(ct);
            var payers = await Q(db.Set<PayerRow>()).ToListAsync(ct);
            var profiles = await Q(db.Set<BillingProfileRow>()).ToListAsync(ct);
            var code = organizations.ToDictionary(o => o.Id, o => o.Code);
            var coderName = coders.ToDictionary(c => c.Id, c => c.UserName);

            var document = new SetupDocument(
                [.. organizations.Where(o => o.Kind == OrganizationKind.CodingVendor)
                    .Select(v => new OrganizationSetup(v.Code, v.Name, [.. coders.Where(c => c.VendorId == v.Id).Select(ToSetup)]))],
                [.. organizations.Where(o => o.Kind == OrganizationKind.Practice)
                    .Select(p => new PracticeSetup(p.Code, p.Name, [.. physicians.Where(d => d.PracticeId == p.Id)
                        .Select(d => new PhysicianSetup(d.Npi.Value, d.Name, d.Taxonomy.Value, d.Specialty.Value, d.Active))],
                        [.. payers.Where(x => x.PracticeId == p.Id).Select(ToSetup)],
                        profiles.Find(b => b.PracticeId == p.Id) is { } b ? ToSetup(b) : null))],
                [.. organizations.Where(o => o.Kind == OrganizationKind.AuditFirm).Select(a => new OrganizationSetup(a.Code, a.Name, []))],
                [.. agreements.Select(a => ToSetup(a, code))],
                [.. contracts.Select(c => ToSetup(c, code))],

                // No users stored: no users key, so a daily command's edit leaves accounts alone.
                users.Count == 0 ? null : [.. users.Select(u => new UserSetup(u.UserName!, u.DisplayName, u.Email, code[u.OrganizationId], u.Role.Name(),
                    u.CoderId is { } k ? coderName[k] : null, u.PhysicianNpi, !u.Disabled))]);

            // In canonical order, so a daily command's problem names the same path as the exported file would.
            var stored = new Stored { Document = document.Canonical() };
            foreach (var o in organizations)
            {
                stored._organizations[o.Code] = o;
            }

            foreach (var a in agreements)
            {
                stored._agreements[ToSetup(a, code).Key] = a;
            }

            foreach (var d in physicians)
            {
                stored._physicians[d.Npi.Value] = d;
            }

            foreach (var c in coders)
            {
                stored._coders[c.UserName] = c;
            }

            foreach (var u in users)
            {
                stored._users[u.UserName!] = u;
            }

            foreach (var p in payers)
            {
                stored._payers[(p.PracticeId, p.Code)] = p;
            }

            foreach (var b in profiles)
            {
                stored._billingProfiles[b.PracticeId] = b;
            }

            return stored;
        }

        /// <summary>Saves one change and appends its event; rows added earlier in the same apply are found by key.</summary>
        public void Apply(SetupChange change, CodeLedgerDbContext db, Ledger.LedgerAppender ledger, SetupIdSource ids)
        {
            switch (change)
            {
                case OrganizationAdded o:
                    var organization = new Organization(ids("organization", o.Code), o.Code, o.Name, o.Kind);
                    db.Add(organization);
                    _organizations[o.Code] = organization;
                    ledger.Append(o.Code, new OrganizationRegistered(organization.Id, organization.Name, organization.Kind));
                    break;
                case AgreementSigned s:
                    var a = s.Agreement;
                    var agreement = new BusinessAssociateAgreement(ids("agreement", a.Key), _organizations[a.Practice].Id, _organizations[a.Vendor].Id,
                        a.PracticeSignatory, a.VendorSignatory, a.SignedOn, a.EffectiveOn, a.ExpiresOn, a.DocumentSha256);
                    db.Add(agreement);
                    _agreements[a.Key] = agreement;
                    ledger.Append(a.Practice, new BaaSigned(agreement.Id, a.Practice, a.Vendor, agreement.PracticeSignatory, agreement.VendorSignatory,
                        agreement.SignedOn, agreement.EffectiveOn, agreement.ExpiresOn, agreement.DocumentSha256));
                    break;
                case AgreementTerminated t:
                    var ended = _agreements[t.Agreement.Key];
                    ended.Terminate(t.LastDay);
                    ledger.Append(t.Agreement.Practice, new BaaTerminated(ended.Id, t.Agreement.Practice, t.Agreement.Vendor, t.LastDay));
                    break;
                case ContractSigned s:
                    var c = s.Contract;
                    var contract = new SlaContract(ids("contract", c.Key), _organizations[c.Practice].Id, _organizations[c.Vendor].Id, c.EffectiveOn,
                        c.TurnaroundTargetHours, c.Clock, c.TimeZone, new WorkingHours(c.Opens, c.Closes, c.WorkingDays), c.Holidays, c.AccuracyFloorPercent,
                        c.QueryResponseWindowHours, c.OpenQueryPausesClock, c.CorrectedDocumentationRestartsClock,
                        new ServiceCreditSchedule(c.CreditThresholdPercent, c.CreditPercentOfFeePerPoint, c.CreditCapPercentOfFee), Money.Parse(c.MonthlyFee),
                        c.RemediationAfterConsecutiveBreachMonths);
                    db.Add(contract);
                    ledger.Append(c.Practice, SlaContractSigned.Of(contract, c.Practice, c.Vendor));
                    break;
                case PhysicianAdded p:
                    var d = p.Physician;
                    var physician = new Physician(ids("physician", d.Npi), _organizations[p.Practice].Id, d.Name, Npi.Parse(d.Npi),
                        TaxonomyCode.Parse(d.Taxonomy), Specialty.Parse(d.Specialty));
                    db.Add(physician);
                    _physicians[d.Npi] = physician;
                    ledger.Append(d.Npi, new PhysicianEnrolled(physician.Id, p.Practice, physician.Name, d.Npi, d.Taxonomy, d.Specialty));
                    break;
                case PhysicianChanged p:
                    var changed = _physicians[p.Physician.Npi];
                    changed.Update(p.Physician.Name, TaxonomyCode.Parse(p.Physician.Taxonomy), Specialty.Parse(p.Physician.Specialty), p.Physician.Active);
                    ledger.Append(p.Physician.Npi, new PhysicianUpdated(changed.Id, p.Practice, changed.Name, p.Physician.Npi, p.Physician.Taxonomy,
                        p.Physician.Specialty, changed.Active, p.Changed));
                    break;
                case PayerAdded p:
                    var practiceId = _organizations[p.Practice].Id;
                    var payer = new PayerRow { Id = ids("payer", $"{p.Practice}/{p.Payer.Code}"), PracticeId = practiceId, Code = p.Payer.Code };
                    Fill(payer, p.Payer);
                    db.Add(payer);
                    _payers[(practiceId, payer.Code)] = payer;
                    ledger.Append(p.Practice, new PayerRegistered(payer.Id, p.Practice, payer.Code, payer.Name, payer.PayerId, payer.ClaimFilingIndicator,
                        payer.InterchangeQualifier, payer.InterchangeId, payer.GroupReceiverCode));
                    break;
                case PayerChanged p:
                    var known = _payers[(_organizations[p.Practice].Id, p.Payer.Code)];
                    Fill(known, p.Payer);
                    ledger.Append(p.Practice, new PayerUpdated(known.Id, p.Practice, known.Code, known.Name, known.PayerId, known.ClaimFilingIndicator,
                        known.InterchangeQualifier, known.InterchangeId, known.GroupReceiverCode, known.Active, p.Changed));
                    break;
                case BillingProfileChanged b:
                    var owner = _organizations[b.Practice].Id;
                    if (!_billingProfiles.TryGetValue(owner, out var profile))
                    {
                        profile = new BillingProfileRow { PracticeId = owner };
                        db.Add(profile);
                        _billingProfiles[owner] = profile;
                    }

                    Fill(profile, b.Billing);
                    ledger.Append(b.Practice, new BillingProfileSet(b.Practice, profile.Npi, profile.Ein, profile.AddressLine1, profile.AddressLine2, profile.City,
                        profile.State, profile.PostalCode, profile.SubmitterEtin, profile.SubmitterName, profile.ContactName, profile.ContactPhone, profile.Production, b.Changed));
                    break;
                case CoderAdded k:
                    var coder = new Coder(ids("coder", k.Coder.UserName), _organizations[k.Vendor].Id, k.Coder.UserName, k.Coder.Name,
                        Credentials(k.Coder), Specialties(k.Coder), Absences(k.Coder), k.Coder.Lead);
                    db.Add(coder);
                    _coders[coder.UserName] = coder;
                    ledger.Append(coder.UserName, CoderEnrolled.Of(coder, k.Vendor));
                    break;
                case CoderChanged k:
                    var updated = _coders[k.Coder.UserName];
                    updated.Update(k.Coder.Name, k.Coder.Lead, k.Coder.Active, Credentials(k.Coder), Specialties(k.Coder), Absences(k.Coder));
                    ledger.Append(updated.UserName, CoderUpdated.Of(updated, k.Vendor, k.Changed));
                    break;
                case UserAccountAdded u:
                    _users[u.User.UserName] = PutUser(u.User, null, db, ledger);
                    break;
                case UserAccountChanged u:
                    PutUser(u.User, _users[u.User.UserName], db, ledger);
                    break;
                case UserAccountDisabled u:
                    AccountDesk.Disable(_users[u.User.UserName], ledger);
                    break;
                default:
                    throw new InvalidOperationException($"no rule to apply {change.GetType().Name}");
            }
        }

        /// <summary>
        /// A user through the account desk's own write (<see cref="AccountDesk.Put"/>: the same row,
        /// the same user.added or user.updated event), linked to rows of this apply or stored before.
        /// The binder checked the role against the organization's kind and the link against the file.
        /// </summary>
        private CodeLedgerUser PutUser(UserSetup u, CodeLedgerUser? user, CodeLedgerDbContext db, Ledger.LedgerAppender ledger)
        {
            var org = _organizations[u.Organization];
            var role = UserRoles.TryParse(u.Role, out var r) ? r : throw new InvalidOperationException("checked by the binder");
            var coderId = u.Coder is { } c ? _coders[c].Id : (Guid?)null;
            AccountDesk.Put(db, ledger, user, org, u.UserName, role, u.DisplayName, u.Email, coderId, u.PhysicianNpi);
            return user ?? db.Users.Local.Single(x => x.UserName == u.UserName);
        }

        private static void Fill(PayerRow row, PayerSetup p)
        {
            row.Name = p.Name;
            row.PayerId = p.PayerId;
            row.ClaimFilingIndicator = p.ClaimFilingIndicator;
            row.InterchangeQualifier = p.Receiver.Qualifier;
            row.InterchangeId = p.Receiver.Id;
            row.GroupReceiverCode = p.Receiver.GroupCode;
            row.Active = p.Active;
        }

        private static void Fill(BillingProfileRow row, BillingSetup b)
        {
            row.Npi = b.Npi;
            row.Ein = b.Ein;
            row.AddressLine1 = b.Address.Line1;
            row.AddressLine2 = b.Address.Line2;
            row.City = b.Address.City;
            row.State = b.Address.State;
            row.PostalCode = b.Address.Zip;
            row.SubmitterEtin = b.Submitter.Etin;
            row.SubmitterName = b.Submitter.Name;
            row.ContactName = b.Submitter.ContactName;
            row.ContactPhone = b.Submitter.ContactPhone;
            row.Production = b.Production;
        }

        private static PayerSetup ToSetup(PayerRow p) =>
            new(p.Code, p.Name, p.PayerId, p.ClaimFilingIndicator, new ReceiverSetup(p.InterchangeQualifier, p.InterchangeId, p.GroupReceiverCode), p.Active);

        private static BillingSetup ToSetup(BillingProfileRow b) =>
            new(b.Npi, b.Ein, new AddressSetup(b.AddressLine1, b.AddressLine2, b.City, b.State, b.PostalCode),
                new SubmitterSetup(b.SubmitterEtin, b.SubmitterName, b.ContactName, b.ContactPhone), b.Production);

        private static IEnumerable<Credential> Credentials(CoderSetup c) =>
            c.Credentials.Select(k => new Credential(CredentialNames.TryParse(k.Kind, out var kind) ? kind : throw new InvalidOperationException("checked by the binder"),
                k.Number, k.IssuedOn, k.ExpiresOn));

        private static IEnumerable<Specialty> Specialties(CoderSetup c) => c.Specialties.Select(Specialty.Parse);

        private static IEnumerable<Absence> Absences(CoderSetup c) => c.Absences.Select(a => new Absence(a.From, a.Through, a.Reason));

        private static CoderSetup ToSetup(Coder c) =>
            new(c.UserName, c.DisplayName, c.IsLead, c.Active, [.. c.Specialties.Select(s => s.Value)],
                [.. c.Credentials.Select(k => new CredentialSetup(CredentialNames.Name(k.Kind), k.CertificateNumber, k.IssuedOn, k.ExpiresOn))],
                [.. c.Absences.Select(a => new AbsenceSetup(a.From, a.Through, a.Reason))]);

        private static AgreementSetup ToSetup(BusinessAssociateAgreement a, Dictionary<Guid, string> code) =>
            new(code[a.PracticeId], code[a.VendorId], a.PracticeSignatory, a.VendorSignatory, a.SignedOn, a.EffectiveOn, a.ExpiresOn, a.DocumentSha256, a.TerminatedOn);

        private static ContractSetup ToSetup(SlaContract c, Dictionary<Guid, string> code) =>
            new(code[c.PracticeId], code[c.VendorId], c.EffectiveOn, c.TurnaroundTargetHours, c.Clock, c.TimeZoneId, c.WorkingHours.Opens, c.WorkingHours.Closes,
                [.. c.WorkingHours.Days], [.. c.Holidays], c.AccuracyFloorPercent, c.QueryResponseWindowHours, c.OpenQueryPausesClock,
                c.CorrectedDocumentationRestartsClock, c.MonthlyFee.ToString(), c.CreditSchedule.ComplianceThresholdPercent,
                c.CreditSchedule.PercentOfFeePerPoint, c.CreditSchedule.CapPercentOfFee, c.RemediationAfterConsecutiveBreachMonths);
    }
}
