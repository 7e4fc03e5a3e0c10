using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>The cache that shares repeated diagnoses, pointer lists, modifier lists and 835 dates.</summary>
public class X12InternerTests
{
    [Fact]
    public void Two_keys_that_share_a_set_are_both_kept()
    {
        var (first, second, _) = ThreeKeysOfOneSet();
        var interner = new X12Interner<string>();
        interner.Add(first, 7, "first");
        interner.Add(second, 7, "second");

        Assert.True(interner.TryGet(first, 7, out var one));
        Assert.True(interner.TryGet(second, 7, out var two));
        Assert.Equal(("first", "second"), (one, two));
    }

    [Fact]
    public void A_third_key_of_a_full_set_replaces_the_one_added_longest_ago()
    {
        var (first, second, third) = ThreeKeysOfOneSet();
        var interner = new X12Interner<string>();
        interner.Add(first, 7, "first");
        interner.Add(second, 7, "second");
        interner.Add(third, 7, "third");

        Assert.False(interner.TryGet(first, 7, out _));
        Assert.True(interner.TryGet(second, 7, out var two));
        Assert.True(interner.TryGet(third, 7, out var three));
        Assert.Equal(("second", "third"), (two, three));
    }

    [Fact]
    public void Both_halves_of_the_key_count()
    {
        var interner = new X12Interner<string>();
        interner.Add(1, 2, "one-two");

        Assert.False(interner.TryGet(1, 3, out _));
        Assert.False(interner.TryGet(2, 2, out _));
        Assert.True(interner.TryGet(1, 2, out _));
    }

    [Fact]
    public void An_empty_entry_matches_no_key_not_even_zero()
    {
        // With a value type, an empty entry's value is a valid-looking default: only the fill flag tells.
        var interner = new X12Interner<int>();

        Assert.False(interner.TryGet(0, 0, out _));
        interner.Add(0, 0, 0);
        Assert.True(interner.TryGet(0, 0, out var zero));
        Assert.Equal(0, zero);
    }

    /// <summary>Low halves of three keys (high half 7) that hash to the same set, found by search.</summary>
    private static (ulong First, ulong Second, ulong Third) ThreeKeysOfOneSet()
    {
        var set = X12Interner<string>.SetOf(1, 7);
        var found = new List<ulong> { 1 };
        for (ulong low = 2; found.Count < 3; low++)
        {
            if (X12Interner<string>.SetOf(low, 7) == set)
            {
                found.Add(low);
            }
        }

        return (found[0], found[1], found[2]);
    }
}
