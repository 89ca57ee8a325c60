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
        Raise(SessionState.LinkLost, "link to " + _connection.Text + " lost");
        for (int attempt = 1; attempt <= _options.ReconnectAttempts && !_stop.IsCancellationRequested; attempt++)
        {
            Raise(SessionState.Reconnecting, $"reconnecting ({attempt}/{_options.ReconnectAttempts})");
            if (_stop.Token.WaitHandle.WaitOne(_options.ReconnectDelay))
            {
                return false;
            }

            DeviceLinkClient? client = null;
            LaunchedDevice? launched = null;
            try
            {
                client = OpenClient(_connection, _options, out launched);
                DeviceInfoMessage info = client.Hello();
                if (_credentials is not null)
                {
                    client.Authenticate(_credentials, info.DeviceId);
                }

                if (_streaming is { } selection)
                {
                    client.StartStream(selection.Kind, selection.BlockSamples, selection.ChannelMask, selection.Options);
                }
            }
            catch (Exception ex) when (ex is IOException or DeviceLinkException or UnauthorizedAccessException or NotSupportedException)
            {
                client?.Dispose();
                launched?.Dispose();
                continue;
            }

            DeviceLinkClient old = _client;
            _crcBefore += old.Decoder.CrcErrors;
            _rejectedBefore += old.Decoder.FramesRejected;
            _bytesBefore += old.BytesReceived;
            Attach(client);
            _client = client;
            _gaps.Reset();
            old.Dispose();
            if (launched is not null)
            {
                _launched?.Dispose();
                _launched = launched;
            }

            Interlocked.Increment(ref _reconnects);
            Raise(SessionState.Reconnected, "reconnected after " + attempt + " attempt(s)");
            return true;
        }

        Raise(SessionState.Failed, "gave up reconnecting to " + _connection.Text + ": check the cable/device and start again");
        return false;
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(List<Channel<T>> readers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_options.ReaderQueueBlocks) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (readers)
        {
            readers.Add(channel);
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

    private void CompleteReaders()
    {
        lock (_blockReaders)
        {
            _blockReaders.ForEach(c => c.Writer.TryComplete());
        }

        lock (_eventReaders)
        {
            _eventReaders.ForEach(c => c.Writer.TryComplete());
        }
    }
}
