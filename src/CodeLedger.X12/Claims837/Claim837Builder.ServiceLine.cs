using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2400 service line: LX (line number), SV1 (procedure, modifiers, charge, unit basis UN or
/// MJ, units, place of service, up to four diagnosis pointers; required), DTP*472 service date
/// (required), REF*G1 prior authorization, REF*6R line item control number, and the 2420 rendering provider (NM1*82). A line is
/// written into the open row of the batch and counted when the next line or claim closes it; a
/// line without SV1 is reported and not kept. 2410, 2430 and 2440 are read past.
/// </summary>
internal sealed partial class Claim837Builder
{
    // Pointer lists and modifier lists repeat like codes: shared, like diagnoses (see X12Interner).
    private readonly X12Interner<int[]> _pointerLists = new();
    private readonly X12Interner<string[]> _modifierLists = new();

    // Qualifier, code, four modifiers and the description: nine bounds split SV101 once. A field,
    // not a stackalloc: a method with a loop and a stackalloc is compiled once, without the
    // profile-guided tier.
    private readonly int[] _procedureBounds = new int[9];

    // The open line is the row at the batch's LineCount, written in place like the claim's.
    private bool _inLine;
    private long _linePosition;
    private bool _lineHasSv1;
    private bool _lineHasDate;
    private int _lastLineNumber;

    private void OnLx(in X12Fields f)
    {
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "LX", null, "LX (service line) outside a claim");
            return;
        }

        CloseLine();
        var number = X12Bytes.TryParseCount(f[1], out var n) && n <= int.MaxValue ? (int)n : _lastLineNumber + 1;
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "LX", 1, "LX01 line number is required");
        }

        OpenLine(f.Position, number);
    }

    private void OpenLine(long position, int number)
    {
        _linePosition = position;
        _lineHasSv1 = false;
        _lineHasDate = false;
        ref var line = ref OpenLineRow;
        line = default;
        line.LineNumber = number;
        _lastLineNumber = number;
        _inLine = true;
        _loop = Loop.Line;
        _target = _ignored;
    }

    private void OnSv1(in X12Fields f)
    {
        var position = f.Position;
        if (!_inClaim)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, position, "SV1", null, "SV1 outside a claim");
            return;
        }

        if (!_inLine || _lineHasSv1)
        {
            Missing(position, "LX", "SV1 without its LX: every service line starts with LX (loop 2400)");
            CloseLine();
            OpenLine(position, _lastLineNumber + 1);
        }

        _loop = Loop.Line;
        _lineHasSv1 = true;
        ref var line = ref OpenLineRow;
        var procedure = new X12Composite(f[1], f.ComponentSeparator, _procedureBounds);
        line.Qualifier = _strings.Get(procedure[1]);
        line.ProcedureCode = _strings.Get(procedure[2]);
        if (line.Qualifier.Length == 0 || line.ProcedureCode.Length == 0)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "SV1", 1, "SV101-1 qualifier and SV101-2 procedure code are required");
        }

        var modifierCount = 0;
        for (var i = 3; i <= 6; i++)
        {
            if (!procedure[i].IsEmpty)
            {
                modifierCount = i - 2;
            }
        }

        if (modifierCount > 0)
        {
            line.Modifiers = Modifiers(procedure, modifierCount);
        }

        line.Description = X12Bytes.TextOrNull(procedure[7]);
        line.Charge = Amount(f, 2, required: true);
        var basis = f[3];
        if (!basis.SequenceEqual("UN"u8) && !basis.SequenceEqual("MJ"u8))
        {
            context.Error(basis.IsEmpty ? X12ErrorCodes.RequiredElementMissing : X12ErrorCodes.InvalidCode, position, "SV1", 3,
                $"SV103 unit basis '{X12Bytes.Show(basis)}' must be UN (units) or MJ (minutes)");
        }

        line.UnitBasis = _strings.Get(basis);
        line.Units = Amount(f, 4, required: true);
        line.PlaceOfService = _strings.GetOrNull(f[5]);
        line.Pointers = Pointers(f, position);
    }

    /// <summary>
    /// SV101-3 to SV101-6. Modifier lists repeat like codes (25, 59, LT, RT:59…), so a list of
    /// modifiers of at most two bytes each is shared, keyed by the modifiers packed 16 bits apiece
    /// in their places (an empty one packs to zero and keeps its place, so "59" and "::59" differ).
    /// </summary>
    private string[] Modifiers(in X12Composite procedure, int count)
    {
        ulong key = 0;
        var shared = true;
        for (var i = 0; i < count && shared; i++)
        {
            shared = X12Interning.TryPack(procedure[i + 3], out var modifier) && modifier <= 0xFFFF;
            key |= modifier << (16 * i);
        }

        if (shared && _modifierLists.TryGet(key, (ulong)count, out var known))
        {
            return known;
        }

        var modifiers = new string[count];
        for (var i = 0; i < count; i++)
        {
            modifiers[i] = _strings.Get(procedure[i + 3]);
        }

        return shared ? _modifierLists.Add(key, (ulong)count, modifiers) : modifiers;
    }

    private int[] Pointers(in X12Fields f, long position)
    {
        var element = f[7];
        if (element.IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "SV1", 7, "SV107 diagnosis code pointer is required");
            return [];
        }

        // Only valid lists are shared, so a bad pointer is reported every time it occurs.
        var packed = X12Interning.TryPack(element, out var key);
        if (packed && _pointerLists.TryGet(key, f.ComponentSeparator, out var known))
        {
            return known;
        }

        var pointers = ParsePointers(element, f.ComponentSeparator, position, out var valid);
        if (packed && valid)
        {
            _pointerLists.Add(key, f.ComponentSeparator, pointers);
        }

        return pointers;
    }

    private int[] ParsePointers(ReadOnlySpan<byte> element, byte separator, long position, out bool valid)
    {
        valid = true;
        var count = element.Count(separator) + 1;
        if (count > 4)
        {
            context.Error(X12ErrorCodes.TooManyRepeats, position, "SV1", 7, "SV107 carries at most 4 diagnosis pointers");
            valid = false;
            count = 4;
        }

        var pointers = new int[count];
        var used = 0;
        for (var i = 1; i <= count; i++)
        {
            var component = X12Bytes.Component(element, i, separator);
            if (component.IsEmpty)
            {
                continue;
            }

            if (!X12Bytes.TryParseCount(component, out var pointer) || pointer is < 1 or > 12)
            {
                context.Error(X12ErrorCodes.InvalidNumber, position, "SV1", 7, $"diagnosis pointer '{X12Bytes.Show(component)}' is not 1–12");
                valid = false;
                continue;
            }

            pointers[used++] = (int)pointer;
        }

        return used == count ? pointers : pointers[..used];
    }

    private void OnDtp(in X12Fields f)
    {
        if (!_inLine || !f[1].SequenceEqual("472"u8))
        {
            return;
        }

        var format = f[2];
        var value = f[3];
        if (format.SequenceEqual("D8"u8))
        {
            if (X12Bytes.TryParseDate(value, out var date))
            {
                ref var line = ref OpenLineRow;
                line.ServiceFrom = date;
                line.ServiceTo = null;
                _lineHasDate = true;
                return;
            }
        }
        else if (format.SequenceEqual("RD8"u8))
        {
            var dash = value.IndexOf((byte)'-');
            if (dash > 0 && X12Bytes.TryParseDate(value[..dash], out var from) && X12Bytes.TryParseDate(value[(dash + 1)..], out var to))
            {
                ref var line = ref OpenLineRow;
                line.ServiceFrom = from;
                line.ServiceTo = to;
                _lineHasDate = true;
                return;
            }
        }
        else
        {
            context.Error(X12ErrorCodes.InvalidCode, f.Position, "DTP", 2, $"DTP02 '{X12Bytes.Show(format)}' must be D8 or RD8");
            return;
        }

        context.Error(X12ErrorCodes.InvalidDate, f.Position, "DTP", 3, $"'{X12Bytes.Show(value)}' is not a valid {X12Bytes.Show(format)} date");
    }

    /// <summary>REF*G1: the line's own prior authorization; REF*6R: its line item control number.</summary>
    private void OnLineRef(in X12Fields f)
    {
        if (f[1].SequenceEqual("G1"u8))
        {
            OpenLineRow.PriorAuthorization = X12Bytes.Text(f[2]);
        }
        else if (f[1].SequenceEqual("6R"u8))
        {
            OpenLineRow.LineItemControlNumber = X12Bytes.Text(f[2]);
        }
    }

    /// <summary>Loop 2420: the rendering provider (82) is kept; the other providers' codes are only checked.</summary>
    private void OnLineNm1(long position, ReadOnlySpan<byte> entity, X12Name name)
    {
        _loop = Loop.Line;
        if (entity.SequenceEqual("82"u8))
        {
            OpenLineRow.Rendering = name;
        }
        else if (!IsEntity(entity, LineEntities))
        {
            InvalidEntity(position, entity);
        }

        Ignore(position);
    }

    /// <summary>
    /// 2410 drug identification (LIN), 2430 line adjudication (SVD) and 2440 form identification
    /// (LQ) open loops the model does not keep: what follows them until the next line, claim or HL
    /// (their NM1s, REFs, DTPs) must not land on the service line.
    /// </summary>
    private void OpenUnmodelledLineLoop()
    {
        if (_inLine)
        {
            _loop = Loop.LineOther;
            _target = _ignored;
        }
    }

    private void CloseLine()
    {
        if (!_inLine)
        {
            return;
        }

        _inLine = false;
        if (!_lineHasSv1)
        {
            // Not kept: the next line's row overwrites this one.
            Missing(_linePosition, "SV1", "loop 2400 has no SV1 (professional service)");
            return;
        }

        if (!_lineHasDate)
        {
            Missing(_linePosition, "DTP", "loop 2400 has no DTP*472 service date");
        }

        _batch.LineCount++;
    }

    // Entity codes loop 2420 allows (pyx12 837.5010.X222.A1.xml; FACTS.md §4.2).
    private static readonly string[] LineEntities = ["82", "QB", "77", "DQ", "DK", "DN", "P3", "PW", "45"];
}
