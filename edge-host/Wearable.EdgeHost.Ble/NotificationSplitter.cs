namespace Wearable.EdgeHost.Ble;

/// <summary>
/// Cuts a run of link bytes into ATT values of at most ATT_MTU - 3 bytes. The receiver only has to
/// concatenate values in order: COBS framing marks frame ends with 0x00, so a frame may span values and
/// a value may end one frame and start the next.
/// </summary>
public static class NotificationSplitter
{
    /// <summary>The largest value one notification or write carries at <paramref name="attMtu"/>.</summary>
    public static int PayloadSize(int attMtu)
    {
        if (attMtu < BleGattProfile.MinimumAttMtu || attMtu > BleGattProfile.MaximumAttMtu)
        {
            throw new ArgumentOutOfRangeException(nameof(attMtu), attMtu, $"An ATT MTU is {BleGattProfile.MinimumAttMtu}..{BleGattProfile.MaximumAttMtu} bytes.");
        }

        return attMtu - BleGattProfile.AttHeaderBytes;
    }

    /// <summary>Hands <paramref name="send"/> consecutive slices of <paramref name="data"/>, each at most <see cref="PayloadSize"/> bytes.</summary>
    public static int Split(ReadOnlySpan<byte> data, int attMtu, SpanAction send)
    {
        ArgumentNullException.ThrowIfNull(send);
        int payload = PayloadSize(attMtu);
        int pieces = 0;
        for (int offset = 0; offset < data.Length; offset += payload)
        {
            send(data.Slice(offset, Math.Min(payload, data.Length - offset)));
            pieces++;
        }

        return pieces;
    }

    /// <summary>Receives one ATT value; it is only valid during the call.</summary>
    public delegate void SpanAction(ReadOnlySpan<byte> value);
}
