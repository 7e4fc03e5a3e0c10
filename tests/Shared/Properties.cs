using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CodeLedger.Testing;

/// <summary>
/// Property tests on FsCheck, reproducible: every run replays the same seed, so a failure seen once
/// is seen again in any process (a seed from <c>string.GetHashCode</c> is not: it changes per
/// process). FsCheck shrinks a failing case and reports it with the seed. Properties take
/// <c>[Property(Replay = Properties.Replay, ...)]</c>; a property checked for each row of a theory
/// calls <c>ForAll</c>.
/// </summary>
internal static class Properties
{
    /// <summary>The replay seed as FsCheck.Xunit reads it: (seed, gamma), the gamma odd.</summary>
    public const string Replay = "(20260302,11400714819323198485)";

    private static readonly FsCheck.Replay Seed = new(new Rnd(20260302UL, 11400714819323198485UL), FSharpOption<int>.None);

    public static void ForAll<T>(Gen<T> cases, Action<T> property, int count = 200) =>
        ForAll(cases.ToArbitrary(), property, count);

    /// <summary>As above, with the arbitrary's shrinker, so a failure is reported at its smallest.</summary>
    public static void ForAll<T>(Arbitrary<T> cases, Action<T> property, int count = 200) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(FSharpOption<FsCheck.Replay>.Some(Seed)), Prop.ForAll(cases, property));

    /// <summary>
    /// Shrink candidates for a whole number, from <paramref name="target"/> itself to one step short
    /// of <paramref name="value"/>, each halving the distance left (QuickCheck's shrinkIntegral):
    /// a shrinker takes the first that still fails, so it gets there in a few halvings, not a step at a time.
    /// </summary>
    public static IEnumerable<int> Toward(int target, int value)
    {
        for (var step = value - target; step != 0; step /= 2)
        {
            yield return value - step;
        }
    }
}
