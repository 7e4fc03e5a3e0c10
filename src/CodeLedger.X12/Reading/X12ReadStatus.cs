namespace CodeLedger.X12.Reading;

/// <summary>Why <see cref="X12Reader.Read"/> returned false, or that it has not yet been called.</summary>
public enum X12ReadStatus
{
    /// <summary>A segment is available (or reading has not started).</summary>
    None,

    /// <summary>The buffer ends inside a segment; call again with more bytes and the saved state.</summary>
    NeedMoreData,

    /// <summary>The final block was read completely; only whitespace followed the last terminator.</summary>
    EndOfData,

    /// <summary>The final block ends with bytes that no segment terminator closes (a truncated file).</summary>
    Unterminated,

    /// <summary>The input does not start with an ISA segment.</summary>
    NotX12,

    /// <summary>The input is UTF-16; X12 is a single-byte syntax.</summary>
    Utf16,

    /// <summary>An ISA segment whose sixteen elements or separators cannot be found.</summary>
    MalformedIsa,
}
