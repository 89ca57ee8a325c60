using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Sessions;

/// <summary>Reconnection after a lost link, and the bounded queues behind ReadBlocksAsync / ReadInferenceEventsAsync.</summary>
public sealed partial class DeviceSession
{
    private bool Reconnect()
    {
        Exception? cause = _client.CloseCause;
        Raise(SessionState.LinkLost, "link to " + _connection.Text + " lost" + (cause is null ? string.Empty : ": " + cause.Message), cause);
        for (int attempt = 1; attempt <= _options.ReconnectAttempts && !_stop.IsCancellationRequested; attempt++)
        {
            Raise(SessionState.Reconnecting, $"reconnecting ({attempt}/{_options.ReconnectAttempts})");
            if (_stop.Token.WaitHandle.WaitOne(_options.ReconnectDelay))
            {
                return false;
            }

            DeviceLink link;
            try
            {
                link = _authenticated ? _connector.Connect(_connection, _stop.Token) : _connector.Open(_connection, _stop.Token);
                if (_streaming is { } selection)
                {
                    link.Client.StartStream(selection.Kind.ToWire(), selection.BlockSamples, selection.ChannelMask, selection.Options, _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or DeviceLinkException or UnauthorizedAccessException or NotSupportedException or DeviceNotPairedException)
            {
                cause = ex;
                continue;
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            DeviceLinkClient old = _client;
            _crcBefore += old.Decoder.CrcErrors;
            _rejectedBefore += old.Decoder.FramesRejected;
            _bytesBefore += old.BytesReceived;
            Attach(link.Client);
            DeviceLink previous = _link;
            _link = link;
            _client = link.Client;
            _gaps.Reset();
            previous.Dispose();
            Interlocked.Increment(ref _reconnects);
            Raise(SessionState.Reconnected, "reconnected after " + attempt + " attempt(s)");
            return true;
        }

        _lostCause = new LinkLostException(_connection.Text, cause);
        Raise(SessionState.Failed, "gave up reconnecting to " + _connection.Text + (cause is null ? string.Empty : " (" + cause.Message + ")") + ": check the cable/device and start again", cause);
        return false;
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(List<Channel<T>> readers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_options.ReaderQueueBlocks) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (readers)
        {
            readers.Add(channel);
        }

        if (_lostCause is { } lost)
        {
            channel.Writer.TryComplete(lost); // a reader that comes after the loss learns of it too
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out T? item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            lock (readers)
            {
                readers.Remove(channel);
            }
        }
    }

    private static void Publish<T>(List<Channel<T>> readers, T item)
    {
        lock (readers)
        {
            foreach (Channel<T> channel in readers)
            {
                channel.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Ends every reader: normally, or with the <see cref="LinkLostException"/> that stopped the session.</summary>
    private void CompleteReaders()
    {
        Exception? lost = _lostCause;
        lock (_blockReaders)
        {
            _blockReaders.ForEach(c => c.Writer.TryComplete(lost));
        }

        lock (_eventReaders)
        {
            _eventReaders.ForEach(c => c.Writer.TryComplete(lost));
        }
    }
}
