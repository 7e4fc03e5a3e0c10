using System.Runtime.CompilerServices;

namespace CodeLedger.X12;

/// <summary>The arrays behind the row batches (<see cref="Claims837.ClaimBatch837"/>, <see cref="Remittance835.ClaimPaymentBatch835"/>).</summary>
internal static class RowArrays
{
    /// <summary>
    /// The slot at <paramref name="count"/>, doubling <paramref name="rows"/> when it is full: a
    /// claim with more lines or adjustments than the batch's share grows the arrays once, and the
    /// batch keeps them for the rest of the parse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T Next<T>(ref T[] rows, int count)
    {
        if ((uint)count >= (uint)rows.Length)
        {
            Array.Resize(ref rows, rows.Length * 2);
        }

        return ref rows[count];
    }
}
