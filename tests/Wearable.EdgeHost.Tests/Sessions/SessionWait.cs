using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// Waits for a session condition by re-checking it on every delivered block (the session updates its
/// counters before it raises BlockReceived), instead of polling on a clock. The time limit only turns
/// a stalled stream into a failure; nothing depends on how fast the machine is.
/// </summary>
public static class SessionWait
{
    public static async Task UntilAsync(DeviceSession session, Func<bool> condition, string what)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnBlock(SampleBlock block)
        {
            if (condition())
            {
                met.TrySetResult();
            }
        }

        session.BlockReceived += OnBlock;
        try
        {
            if (condition())
            {
                return;
            }

            await met.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            Assert.Fail("stream stalled before " + what + " (at " + session.Counters.Samples + " samples)");
        }
        finally
        {
            session.BlockReceived -= OnBlock;
        }
    }

    public static Task UntilSamplesAsync(DeviceSession session, long samples) =>
        UntilAsync(session, () => session.Counters.Samples >= samples, samples + " samples");
}
