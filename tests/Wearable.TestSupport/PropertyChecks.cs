using FsCheck;
using FsCheck.Fluent;

namespace Wearable.TestSupport;

/// <summary>
/// Runs an FsCheck property the way our tests must: from a fixed seed, so a failure replays on every
/// machine, and silent on success, because FsCheck's "Ok, passed" line would land in the console of
/// any test that captures it (the CLI tests do) while properties run beside them.
/// </summary>
public static class PropertyChecks
{
    /// <summary>FsCheck's split-mix gamma; any odd constant works, this one is the customary one.</summary>
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public static void Check(Property property, int cases, ulong seed)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(seed, Gamma), null));
        FsCheck.Check.One(config, property);
    }
}
