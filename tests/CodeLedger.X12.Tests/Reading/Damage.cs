namespace CodeLedger.X12.Tests.Reading;

/// <summary>Seeded random damage to a file: deleted, duplicated and flipped bytes, truncation.</summary>
internal static class Damage
{
    /// <summary>
    /// One to five edits. With <paramref name="separators"/>, an edit may also put a separator,
    /// terminator, line break or digit where data was (or data where one was), which moves
    /// segment and element boundaries rather than only values.
    /// </summary>
    public static byte[] Apply(byte[] original, Random random, bool separators = false)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(separators ? 5 : 4))
            {
                case 0:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                case 1:
                    bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToList());
                    break;
                case 2:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 4:
                    bytes[at] = "*~:^ \r\n.0A"u8[random.Next(10)];
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
