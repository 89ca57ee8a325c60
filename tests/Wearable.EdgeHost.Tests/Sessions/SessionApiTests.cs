using System.Reflection;
using Wearable.EdgeHost.Calibration;
using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>DeviceSession's public contract: cancellation reaches the wait for the device, and a lost link says why.</summary>
public sealed class SessionApiTests
{
    /// <summary>Long enough that a call which ignored its token would fail with a timeout, not pass.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string> AsyncMethods() => new()
    {
        "IdentifyAsync", "PairAsync", "PrepareAsync", "GetActiveModelAsync", "StartStreamAsync", "StopStreamAsync",
        "SendCalibrationAsync", "ReadCalibrationAsync", "UploadModelAsync",
    };

    [Theory]
    [MemberData(nameof(AsyncMethods))]
    public async Task Every_async_method_returns_as_soon_as_its_token_is_cancelled_while_the_device_is_silent(string method)
    {
        using var device = new InterruptibleDevice();
        await using DeviceSession session = await device.OpenPreparedAsync(RequestTimeout);
        if (method == "StopStreamAsync")
        {
            await session.StartStreamAsync();
        }

        device.Link!.Mute();
        using var cancel = new CancellationTokenSource();
        Task call = Call(session, method, cancel.Token);
        device.Link.Swallowed.Wait(); // the request went out: the session now waits for a reply that cannot come
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        device.Link.Unmute();
    }

    [Fact]
    public async Task A_lost_link_ends_the_readers_with_its_cause_and_reports_it_in_the_status()
    {
        using var device = new InterruptibleDevice();
        await using DeviceSession session = await device.OpenPreparedAsync(RequestTimeout);
        var lost = new TaskCompletionSource<SessionStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.StatusChanged += s =>
        {
            if (s.State == SessionState.LinkLost)
            {
                lost.TrySetResult(s);
            }
        };
        await session.StartStreamAsync();
        await using IAsyncEnumerator<SampleBlock> reader = session.ReadBlocksAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync()); // streaming, reader attached

        var cause = new IOException("cable pulled");
        device.Link!.Fail(cause);

        var ended = await Assert.ThrowsAsync<LinkLostException>(async () =>
        {
            while (await reader.MoveNextAsync())
            {
            }
        });
        Assert.Same(cause, ended.InnerException);
        Assert.Contains("cable pulled", ended.Message);
        SessionStatus status = await lost.Task;
        Assert.Same(cause, status.Cause);
        Assert.Contains("cable pulled", status.Message);
    }

    [Fact]
    public async Task Device_info_is_a_host_record_not_the_wire_message()
    {
        using var device = new InterruptibleDevice();
        await using DeviceSession session = await device.OpenPreparedAsync(RequestTimeout);

        DeviceInfo info = await session.IdentifyAsync();

        Assert.Equal(2, info.ChannelCount);
        Assert.Equal(250, info.SampleRateHz);
        Assert.Equal(32, info.DeviceId.Length);
        Assert.Equal(info, session.Info);
        Assert.All(typeof(DeviceSession).GetProperties().Select(p => p.PropertyType.Namespace ?? string.Empty), ns => Assert.DoesNotContain("Wearable.Kernels", ns));
    }

    [Fact]
    public void No_public_member_of_the_session_types_speaks_a_wire_type()
    {
        var wireTypes = new List<string>();
        foreach (Type type in typeof(DeviceSession).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(DeviceSession).Namespace))
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                IEnumerable<Type> used = member switch
                {
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    MethodBase m => m.GetParameters().Select(a => a.ParameterType).Concat(m is MethodInfo mi ? [mi.ReturnType] : []),
                    _ => [],
                };
                wireTypes.AddRange(used.Where(FromTheWire).Select(t => $"{type.Name}.{member.Name}: {t.Name}"));
            }
        }

        Assert.True(wireTypes.Count == 0, string.Join(Environment.NewLine, wireTypes));
    }

    // A wire type, also inside an array, a Nullable or a generic argument (Task<T>, IReadOnlyList<T>).
    private static bool FromTheWire(Type type) =>
        (type.Namespace ?? string.Empty).StartsWith("Wearable.Kernels", StringComparison.Ordinal)
        || (type.HasElementType && FromTheWire(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(FromTheWire));

    private static Task Call(DeviceSession session, string method, CancellationToken token) => method switch
    {
        "IdentifyAsync" => session.IdentifyAsync(token),
        "PairAsync" => session.PairAsync(token),
        "PrepareAsync" => session.PrepareAsync(token),
        "GetActiveModelAsync" => session.GetActiveModelAsync(token),
        "StartStreamAsync" => session.StartStreamAsync(cancellationToken: token),
        "StopStreamAsync" => session.StopStreamAsync(token),
        "SendCalibrationAsync" => session.SendCalibrationAsync([new EmgChannelCalibration(0, 1, 10, 0, 65536, 0, 0)], token),
        "ReadCalibrationAsync" => session.ReadCalibrationAsync(token),
        "UploadModelAsync" => session.UploadModelAsync(0, new byte[64], cancellationToken: token),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "no such session method"),
    };
}
