using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Setup;

/// <summary>
/// The decision behind <c>setup apply</c>: given the setup stored today and a checked file, the
/// changes that make the store say what the file says, and what the file may not change.
/// <list type="bullet">
/// <item>Organizations, agreements and contracts are added, never removed or edited: a file that
/// drops or edits one is refused (SETUP-CONFLICT). A BAA may gain a termination date, once.</item>
/// <item>A signed contract's terms are never edited: new terms are a new contract with a later
/// effective date (the SLA month reads the contract in force).</item>
/// <item>Physicians and coders are updated in place (their history names them by id); one missing
/// from the file is deactivated, never deleted. A physician never moves practice, a coder never
/// moves vendor.</item>
/// </list>
/// <item>Users (only when the file has a <c>users</c> key) are updated in place; one missing from
/// the list, or listed with <c>active: false</c>, is disabled, never deleted. A user never moves
/// organization, and a disabled user is not re-enabled by a file.</item>
/// <item>Payers are updated in place and deactivated when missing, never deleted (claims name
/// them); a practice's billing profile is set, changed, never removed.</item>
/// Changes come in the order they are applied: organizations, agreements, contracts, physicians,
/// payers and billing profiles, coders, users (which link to coders and physicians), each in the file's order. The same file against what it produced gives no change.
/// </summary>
public static class SetupDiff
{
    public static SetupPlan Compute(SetupDocument stored, SetupDocument file)
    {
        var changes = new List<SetupChange>();
        var conflicts = new List<string>();
        Organizations(stored, file, changes, conflicts);
        Agreements(stored, file, changes, conflicts);
        Contracts(stored, file, changes, conflicts);
        Physicians(stored, file, changes, conflicts);
        Payers(stored, file, changes, conflicts);
        Coders(stored, file, changes, conflicts);
        Users(stored, file, changes, conflicts);
        return new SetupPlan(changes, conflicts);
    }

    private static void Organizations(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = All(stored).ToDictionary(o => o.Code, StringComparer.Ordinal);
        var listed = All(file).ToList();
        foreach (var (kind, code, name, path) in listed)
        {
            if (!had.TryGetValue(code, out var old))
            {
                changes.Add(new OrganizationAdded(kind, code, name));
            }
            else if (old.Kind != kind)
            {
                conflicts.Add($"{path}: {code} is registered as a {Word(old.Kind)}; an organization's kind never changes");
            }
            else if (old.Name != name)
            {
                conflicts.Add($"{path}.name: {code} is registered as \"{old.Name}\"; an organization keeps the name it was registered with");
            }
        }

        foreach (var code in had.Keys.Except(listed.Select(o => o.Code), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            conflicts.Add($"{Plural(had[code].Kind)}: {code} is missing; an organization is never removed (its history stays)");
        }
    }

    private static void Agreements(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = stored.Agreements.ToDictionary(a => a.Key, StringComparer.Ordinal);
        for (var i = 0; i < file.Agreements.Count; i++)
        {
            var a = file.Agreements[i];
            if (!had.TryGetValue(a.Key, out var old))
            {
                changes.Add(new AgreementSigned(a with { TerminatedOn = null }));
                if (a.TerminatedOn is { } end)
                {
                    changes.Add(new AgreementTerminated(a, end));
                }
            }
            else if (old with { TerminatedOn = null } != a with { TerminatedOn = null })
            {
                conflicts.Add($"agreements[{i}]: BAA {a.Key} differs from the one signed; signed terms are never edited (a new agreement is a new entry)");
            }
            else if (old.TerminatedOn != a.TerminatedOn)
            {
                if (old.TerminatedOn is null)
                {
                    changes.Add(new AgreementTerminated(a, a.TerminatedOn!.Value));
                }
                else
                {
                    conflicts.Add($"agreements[{i}].terminatedOn: BAA {a.Key} was terminated after {old.TerminatedOn:yyyy-MM-dd}; a termination is never undone or moved");
                }
            }
        }

        foreach (var key in had.Keys.Except(file.Agreements.Select(a => a.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            conflicts.Add($"agreements: BAA {key} is missing; an agreement is never removed (terminate it instead)");
        }
    }

    private static void Contracts(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = stored.Contracts.ToDictionary(c => c.Key, StringComparer.Ordinal);
        for (var i = 0; i < file.Contracts.Count; i++)
        {
            var c = file.Contracts[i];
            if (!had.TryGetValue(c.Key, out var old))
            {
                changes.Add(new ContractSigned(c));
            }
            else if (!old.SameTerms(c))
            {
                conflicts.Add($"contracts[{i}]: contract {c.Key} differs from the one signed; signed terms are never edited: add a contract effective from the day the new terms start");
            }
        }

        foreach (var key in had.Keys.Except(file.Contracts.Select(c => c.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            conflicts.Add($"contracts: contract {key} is missing; a signed contract is never removed (its months were measured by it)");
        }
    }

    private static void Physicians(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = stored.Practices.SelectMany(p => p.Physicians.Select(d => (Practice: p.Code, Physician: d))).ToDictionary(x => x.Physician.Npi, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Practices.Count; i++)
        {
            var practice = file.Practices[i].Code;
            for (var j = 0; j < file.Practices[i].Physicians.Count; j++)
            {
                var d = file.Practices[i].Physicians[j];
                listed.Add(d.Npi);
                if (!had.TryGetValue(d.Npi, out var old))
                {
                    changes.Add(new PhysicianAdded(practice, d with { Active = true }));
                    if (!d.Active)
                    {
                        changes.Add(new PhysicianChanged(practice, d, ["active"]));
                    }
                }
                else if (old.Practice != practice)
                {
                    conflicts.Add($"practices[{i}].physicians[{j}].npi: physician {d.Npi} is enrolled at {old.Practice}; a physician never moves practice (enrol the new one there)");
                }
                else if (Changed(old.Physician, d) is { Count: > 0 } changed)
                {
                    changes.Add(new PhysicianChanged(practice, d, changed));
                }
            }
        }

        foreach (var (npi, (practice, d)) in had.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            // Missing from the file: deactivated, never deleted. A practice that is itself missing is a conflict above.
            if (!listed.Contains(npi) && d.Active && file.Practices.Any(p => p.Code == practice))
            {
                changes.Add(new PhysicianChanged(practice, d with { Active = false }, ["active"]));
            }
        }
    }

    private static void Payers(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = stored.Practices.ToDictionary(p => p.Code, StringComparer.Ordinal);
        for (var i = 0; i < file.Practices.Count; i++)
        {
            var practice = file.Practices[i];
            var old = had.GetValueOrDefault(practice.Code);
            var before = (old?.Payers ?? []).ToDictionary(p => p.Code, StringComparer.Ordinal);
            foreach (var payer in practice.Payers)
            {
                if (!before.TryGetValue(payer.Code, out var was))
                {
                    changes.Add(new PayerAdded(practice.Code, payer with { Active = true }));
                    if (!payer.Active)
                    {
                        changes.Add(new PayerChanged(practice.Code, payer, ["active"]));
                    }
                }
                else if (Changed(was, payer) is { Count: > 0 } changed)
                {
                    changes.Add(new PayerChanged(practice.Code, payer, changed));
                }
            }

            // Missing from the file: deactivated, never deleted (claims and coverages name the code).
            foreach (var (code, was) in before.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                if (was.Active && !practice.Payers.Any(p => p.Code == code))
                {
                    changes.Add(new PayerChanged(practice.Code, was with { Active = false }, ["active"]));
                }
            }

            if (practice.Billing is { } billing)
            {
                if (old?.Billing is not { } current)
                {
                    changes.Add(new BillingProfileChanged(practice.Code, billing, []));
                }
                else if (Changed(current, billing) is { Count: > 0 } changed)
                {
                    changes.Add(new BillingProfileChanged(practice.Code, billing, changed));
                }
            }
            else if (old?.Billing is not null)
            {
                conflicts.Add($"practices[{i}].billing: {practice.Code} has a billing profile; it is changed, never removed (claims were billed under it)");
            }
        }
    }

    private static List<string> Changed(PayerSetup old, PayerSetup now)
    {
        var changed = new List<string>();
        if (old.Name != now.Name)
        {
            changed.Add("name");
        }

        if (old.PayerId != now.PayerId)
        {
            changed.Add("payerId");
        }

        if (old.ClaimFilingIndicator != now.ClaimFilingIndicator)
        {
            changed.Add("claimFilingIndicator");
        }

        if (old.Receiver != now.Receiver)
        {
            changed.Add("receiver");
        }

        if (old.Active != now.Active)
        {
            changed.Add("active");
        }

        return changed;
    }

    private static List<string> Changed(BillingSetup old, BillingSetup now)
    {
        var changed = new List<string>();
        if (old.Npi != now.Npi)
        {
            changed.Add("npi");
        }

        if (old.Ein != now.Ein)
        {
            changed.Add("ein");
        }

        if (old.Address != now.Address)
        {
            changed.Add("address");
        }

        if (old.Submitter != now.Submitter)
        {
            changed.Add("submitter");
        }

        if (old.Production != now.Production)
        {
            changed.Add("production");
        }

        return changed;
    }

    private static void Coders(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        var had = stored.Vendors.SelectMany(v => v.Coders.Select(c => (Vendor: v.Code, Coder: c))).ToDictionary(x => x.Coder.UserName, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Vendors.Count; i++)
        {
            var vendor = file.Vendors[i].Code;
            for (var j = 0; j < file.Vendors[i].Coders.Count; j++)
            {
                var c = file.Vendors[i].Coders[j];
                listed.Add(c.UserName);
                if (!had.TryGetValue(c.UserName, out var old))
                {
                    changes.Add(new CoderAdded(vendor, c with { Active = true }));
                    if (!c.Active)
                    {
                        changes.Add(new CoderChanged(vendor, c, ["active"]));
                    }
                }
                else if (old.Vendor != vendor)
                {
                    conflicts.Add($"vendors[{i}].coders[{j}].userName: coder {c.UserName} is enrolled at {old.Vendor}; a coder never moves vendor");
                }
                else if (Changed(old.Coder, c) is { Count: > 0 } changed)
                {
                    changes.Add(new CoderChanged(vendor, c, changed));
                }
            }
        }

        foreach (var (user, (vendor, c)) in had.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!listed.Contains(user) && c.Active && file.Vendors.Any(v => v.Code == vendor))
            {
                changes.Add(new CoderChanged(vendor, c with { Active = false }, ["active"]));
            }
        }
    }

    private static void Users(SetupDocument stored, SetupDocument file, List<SetupChange> changes, List<string> conflicts)
    {
        // A file without a users key says nothing about accounts: they are left as they are.
        if (file.Users is null)
        {
            return;
        }

        var had = (stored.Users ?? []).ToDictionary(u => u.UserName, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Users.Count; i++)
        {
            var u = file.Users[i];
            listed.Add(u.UserName);
            if (!had.TryGetValue(u.UserName, out var old))
            {
                changes.Add(new UserAccountAdded(u with { Active = true }));
                if (!u.Active)
                {
                    changes.Add(new UserAccountDisabled(u));
                }

                continue;
            }

            if (old.Organization != u.Organization)
            {
                conflicts.Add($"users[{i}].organization: user {u.UserName} belongs to {old.Organization}; a user never moves organization (disable it and add a new one)");
                continue;
            }

            if (!old.Active && u.Active)
            {
                conflicts.Add($"users[{i}].active: user {u.UserName} is disabled; a setup file does not re-enable an account (add a new user)");
                continue;
            }

            if (Changed(old, u) is { Count: > 0 } changed)
            {
                changes.Add(new UserAccountChanged(u with { Active = old.Active }, changed));
            }

            if (old.Active && !u.Active)
            {
                changes.Add(new UserAccountDisabled(u));
            }
        }

        foreach (var (name, u) in had.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!listed.Contains(name) && u.Active)
            {
                changes.Add(new UserAccountDisabled(u with { Active = false }));
            }
        }
    }

    private static List<string> Changed(UserSetup old, UserSetup now)
    {
        var changed = new List<string>();
        if (old.DisplayName != now.DisplayName)
        {
            changed.Add("displayName");
        }

        if (old.Email != now.Email)
        {
            changed.Add("email");
        }

        if (old.Role != now.Role)
        {
            changed.Add("role");
        }

        if (old.Coder != now.Coder)
        {
            changed.Add("coder");
        }

        if (old.PhysicianNpi != now.PhysicianNpi)
        {
            changed.Add("physicianNpi");
        }

        return changed;
    }

    private static List<string> Changed(PhysicianSetup old, PhysicianSetup now)
    {
        var changed = new List<string>();
        if (old.Name != now.Name)
        {
            changed.Add("name");
        }

        if (old.Taxonomy != now.Taxonomy)
        {
            changed.Add("taxonomy");
        }

        if (old.Specialty != now.Specialty)
        {
            changed.Add("specialty");
        }

        if (old.Active != now.Active)
        {
            changed.Add("active");
        }

        return changed;
    }

    private static List<string> Changed(CoderSetup old, CoderSetup now)
    {
        var changed = new List<string>();
        if (old.Name != now.Name)
        {
            changed.Add("name");
        }

        if (old.Lead != now.Lead)
        {
            changed.Add("lead");
        }

        if (old.Active != now.Active)
        {
            changed.Add("active");
        }

        if (!old.Specialties.ToHashSet(StringComparer.Ordinal).SetEquals(now.Specialties))
        {
            changed.Add("specialties");
        }

        if (!SameSet(old.Credentials, now.Credentials))
        {
            changed.Add("credentials");
        }

        if (!SameSet(old.Absences, now.Absences))
        {
            changed.Add("absences");
        }

        return changed;
    }

    private static bool SameSet<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => a.Count == b.Count && a.ToHashSet().SetEquals(b);

    private static IEnumerable<(OrganizationKind Kind, string Code, string Name, string Path)> All(SetupDocument d) =>
        d.Vendors.Select((v, i) => (OrganizationKind.CodingVendor, v.Code, v.Name, $"vendors[{i}]"))
            .Concat(d.Practices.Select((p, i) => (OrganizationKind.Practice, p.Code, p.Name, $"practices[{i}]")))
            .Concat(d.AuditFirms.Select((a, i) => (OrganizationKind.AuditFirm, a.Code, a.Name, $"auditFirms[{i}]")));

    private static string Word(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Practice => "practice",
        OrganizationKind.CodingVendor => "vendor",
        _ => "audit firm",
    };

    private static string Plural(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Practice => "practices",
        OrganizationKind.CodingVendor => "vendors",
        _ => "auditFirms",
    };
}
