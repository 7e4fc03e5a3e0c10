using System.Runtime.CompilerServices;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Guide;

/// <summary>
/// Guide-level checks of one transaction set, run on every body segment before the builder sees
/// it (both the fast body path and the ordinary path call the builder's OnFields, so findings are
/// the same on both). A subclass per guide follows the loops (and tells the context, so that every
/// finding in the set carries its loop) and checks the required segments of each loop as it
/// closes; the element rules are data (<see cref="X12GuideTable"/>).
/// </summary>
internal abstract class X12GuideValidator(X12ParseContext context, X12GuideTable table)
{
    protected X12ParseContext Context { get; } = context;

    /// <summary>Index of the open loop in the guide's list (0 = the set's header).</summary>
    protected int Loop { get; private set; }

    public abstract void OnFields(uint key, in X12Fields f);

    /// <summary>SE (or the end of input): the open loops close.</summary>
    public abstract void Complete(long position);

    protected void Enter(int loop)
    {
        Loop = loop;
        Context.Loop = table.LoopName(loop);
    }

    protected void Missing(long position, string segmentId, int loop, string message) =>
        Context.Report(X12ErrorCodes.RequiredSegmentMissing, X12Severity.Error, position, segmentId, null, message, X12Scope.Transaction,
            component: null, value: null, loop: table.LoopName(loop));

    /// <summary>Checks each element of the segment against the rule for it in the open loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Check(uint key, in X12Fields f)
    {
        if (table.Find(key, Loop) is { } rule)
        {
            CheckElements(rule, f);
        }
    }

    private void CheckElements(X12SegmentRule rule, in X12Fields f)
    {
        var elements = rule.Elements;
        var count = f.Count;
        var present = Math.Min(elements.Length - 1, count);
        for (var i = 1; i <= present; i++)
        {
            if (elements[i] is not { } element)
            {
                continue;
            }

            var value = f[i];
            if (value.IsEmpty)
            {
                if (element.Usage == X12Usage.Required)
                {
                    Element(X12ErrorCodes.RequiredElementMissing, f, rule.Id, i, null, $"{rule.Id}{i:00} is required in {Where()}");
                }
            }
            else if (element.Usage == X12Usage.NotUsed)
            {
                Element(X12ErrorCodes.NotUsedElementPresent, f, rule.Id, i, null, $"{rule.Id}{i:00} is not used in {Where()} (005010 guide)");
            }
            else if (!element.LengthOnly || value.Length > element.Max || value.Length < element.Min)
            {
                CheckValue(element, f, rule.Id, i, value);
            }
        }

        // Required elements past the last one sent are missing.
        for (var i = present + 1; i <= rule.LastRequired; i++)
        {
            if (elements[i]?.Usage == X12Usage.Required)
            {
                Element(X12ErrorCodes.RequiredElementMissing, f, rule.Id, i, null, $"{rule.Id}{i:00} is required in {Where()}");
            }
        }

        // Elements past the guide's last one are not used either.
        for (var i = elements.Length; i <= count; i++)
        {
            if (!f[i].IsEmpty)
            {
                Element(X12ErrorCodes.NotUsedElementPresent, f, rule.Id, i, null, $"{rule.Id}{i:00} is not used in {Where()} (005010 guide)");
                break;
            }
        }
    }

    private void CheckValue(X12ElementRule element, in X12Fields f, string id, int i, ReadOnlySpan<byte> value)
    {
        switch (element.Type)
        {
            case X12ElementType.Composite:
                return;
            case X12ElementType.Decimal:
                Length(element, f, id, i, Digits(value), copy: true, value);
                return;
            case X12ElementType.Count:
                if (!AllDigits(value))
                {
                    Element(X12ErrorCodes.InvalidNumber, f, id, i, Copy(value), $"{id}{i:00} '{X12Bytes.Show(value)}' is not a whole number");
                    return;
                }

                Length(element, f, id, i, value.Length, copy: true, value);
                return;
            case X12ElementType.Date:
                if (value.Length != 8 || !X12Bytes.TryParseDate(value, out _))
                {
                    Element(X12ErrorCodes.InvalidDate, f, id, i, Copy(value), $"{id}{i:00} '{X12Bytes.Show(value)}' is not a CCYYMMDD date");
                }

                return;
            case X12ElementType.Time:
                if (!IsTime(value))
                {
                    Element(X12ErrorCodes.InvalidTime, f, id, i, Copy(value), $"{id}{i:00} '{X12Bytes.Show(value)}' is not an HHMM[SS[DD]] time");
                }

                return;
            case X12ElementType.Code:
                if (!Length(element, f, id, i, value.Length, copy: true, value))
                {
                    return;
                }

                if (element.Codes is not null && !element.Allows(value))
                {
                    Element(X12ErrorCodes.InvalidCode, f, id, i, Copy(value), $"{id}{i:00} '{X12Bytes.Show(value)}' is not a code {Where()} allows");
                }

                return;
            default:
                // Free text and identifiers: the length only, and never a copy of the value (it
                // may be a name, a member id or an address).
                Length(element, f, id, i, value.Length, copy: false, value);
                return;
        }
    }

    private bool Length(X12ElementRule element, in X12Fields f, string id, int i, int length, bool copy, ReadOnlySpan<byte> value)
    {
        if (length > element.Max)
        {
            Element(X12ErrorCodes.ElementTooLong, f, id, i, copy ? Copy(value) : null, $"{id}{i:00} is {length} characters long; the guide allows at most {element.Max}");
            return false;
        }

        if (length < element.Min)
        {
            Element(X12ErrorCodes.ElementTooShort, f, id, i, copy ? Copy(value) : null, $"{id}{i:00} is {length} characters long; the guide wants at least {element.Min}");
            return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Element(string code, in X12Fields f, string id, int element, string? value, string message) =>
        Context.Report(code, X12Severity.Error, f.Position, id, element, message, X12Scope.Transaction, component: null, value: value, loop: null);

    private string Where() => Context.Loop is { Length: > 0 } loop ? $"loop {loop}" : "the header";

    // IK404 is at most 99 characters; only code, number and date elements reach here.
    private static string Copy(ReadOnlySpan<byte> value) => X12Bytes.Text(value.Length > 99 ? value[..99] : value);

    private static int Digits(ReadOnlySpan<byte> value)
    {
        var digits = 0;
        foreach (var b in value)
        {
            if (X12Bytes.IsDigit(b))
            {
                digits++;
            }
        }

        return digits;
    }

    private static bool AllDigits(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!X12Bytes.IsDigit(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTime(ReadOnlySpan<byte> value) =>
        value.Length is 4 or 6 or 7 or 8 && AllDigits(value)
        && (value[0] - '0') * 10 + (value[1] - '0') < 24
        && (value[2] - '0') * 10 + (value[3] - '0') < 60
        && (value.Length == 4 || (value[4] - '0') * 10 + (value[5] - '0') < 60);
}
