namespace CodeLedger.Core.CodeSets;

/// <summary>
/// What changed between two releases of one kind: the input of the code-update compliance report.
/// ICD-10-CM follows CMS's order-file addenda: a code is keyed with its header/billable flag, so a
/// code that becomes a header is "deleted" as a billable code and "added" as a header, exactly as
/// the addenda list it; a revision is a changed short or long title. HCPCS compares the codes
/// active on each release's effective date: added, terminated (deleted) and revised long descriptions.
/// </summary>
public static class CodeSetDiff
{
    public static IReadOnlyList<CodeSetDiffEntry> Compare(CodeSetRelease from, CodeSetRelease to)
    {
        if (from.Kind != to.Kind)
        {
            throw new ArgumentException($"cannot compare a {from.Kind.Token()} release with a {to.Kind.Token()} release", nameof(to));
        }

        return (from, to) switch
        {
            (IcdRelease a, IcdRelease b) => Icd(a, b),
            (HcpcsRelease a, HcpcsRelease b) => Hcpcs(a, b),
            (CptRelease a, CptRelease b) => Keyed(a.Entries.ToDictionary(e => e.Key, e => e.Value), b.Entries.ToDictionary(e => e.Key, e => e.Value)),
            (RvuRelease a, RvuRelease b) => Keyed(
                a.Entries.Where(e => e.Modifier.Length == 0).ToDictionary(e => e.Code, e => e.Status + " " + e.GlobalDays),
                b.Entries.Where(e => e.Modifier.Length == 0).ToDictionary(e => e.Code, e => e.Status + " " + e.GlobalDays)),
            (MueRelease a, MueRelease b) => Keyed(
                a.Entries.ToDictionary(e => e.Code, e => FormattableString.Invariant($"{e.Value} MAI {(int)e.Adjudication}")),
                b.Entries.ToDictionary(e => e.Code, e => FormattableString.Invariant($"{e.Value} MAI {(int)e.Adjudication}"))),
            _ => throw new NotSupportedException($"diff is not available for {from.Kind.Token()} releases"),
        };
    }

    private static List<CodeSetDiffEntry> Icd(IcdRelease from, IcdRelease to)
    {
        var a = from.Entries.ToDictionary(e => (e.Code.Value, e.Billable));
        var b = to.Entries.ToDictionary(e => (e.Code.Value, e.Billable));
        var result = new List<CodeSetDiffEntry>();
        foreach (var (key, old) in a)
        {
            if (!b.TryGetValue(key, out var now))
            {
                result.Add(new(CodeChange.Deleted, key.Value, key.Billable, old.LongDescription, null));
            }
            else if (old.LongDescription != now.LongDescription || old.ShortDescription != now.ShortDescription)
            {
                result.Add(new(CodeChange.Revised, key.Value, key.Billable, old.LongDescription, now.LongDescription));
            }
        }

        foreach (var (key, now) in b)
        {
            if (!a.ContainsKey(key))
            {
                result.Add(new(CodeChange.Added, key.Value, key.Billable, null, now.LongDescription));
            }
        }

        return Sorted(result);
    }

    private static List<CodeSetDiffEntry> Hcpcs(HcpcsRelease from, HcpcsRelease to)
    {
        var fromDate = from.Info.EffectiveDate;
        var toDate = to.Info.EffectiveDate;
        var a = from.Entries.Where(e => !e.IsModifier && e.IsActiveOn(fromDate)).ToDictionary(e => e.Code);
        var b = to.Entries.Where(e => !e.IsModifier && e.IsActiveOn(toDate)).ToDictionary(e => e.Code);
        var result = new List<CodeSetDiffEntry>();
        foreach (var (code, old) in a)
        {
            if (!b.TryGetValue(code, out var now))
            {
                result.Add(new(CodeChange.Deleted, code, null, old.LongDescription, null));
            }
            else if (old.LongDescription != now.LongDescription)
            {
                result.Add(new(CodeChange.Revised, code, null, old.LongDescription, now.LongDescription));
            }
        }

        foreach (var (code, now) in b)
        {
            if (!a.ContainsKey(code))
            {
                result.Add(new(CodeChange.Added, code, null, null, now.LongDescription));
            }
        }

        return Sorted(result);
    }

    private static List<CodeSetDiffEntry> Keyed(Dictionary<string, string> a, Dictionary<string, string> b)
    {
        var result = new List<CodeSetDiffEntry>();
        foreach (var (code, old) in a)
        {
            if (!b.TryGetValue(code, out var now))
            {
                result.Add(new(CodeChange.Deleted, code, null, old, null));
            }
            else if (old != now)
            {
                result.Add(new(CodeChange.Revised, code, null, old, now));
            }
        }

        result.AddRange(b.Where(kv => !a.ContainsKey(kv.Key)).Select(kv => new CodeSetDiffEntry(CodeChange.Added, kv.Key, null, null, kv.Value)));
        return Sorted(result);
    }

    private static List<CodeSetDiffEntry> Sorted(List<CodeSetDiffEntry> list) =>
        [.. list.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Change)];
}
