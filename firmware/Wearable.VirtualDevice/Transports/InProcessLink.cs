using System.IO.Pipes;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// Two OS pipes joined into a device transport and a host <see cref="Stream"/>, for tests that want
/// real byte-stream behaviour (partial reads, back-pressure) without a pseudo-terminal.
/// </summary>
public sealed class InProcessLink : IDisposable
{
    private InProcessLink(StreamTransport device, Stream host)
    {
        Device = device;
        Host = host;
    }

    /// <summary>The device end, for the virtual board.</summary>
    public StreamTransport Device { get; }

    /// <summary>The host end: read what the device sends, write what the device receives.</summary>
    public Stream Host { get; }

    public static InProcessLink Create()
    {
        var toDevice = new AnonymousPipeServerStream(PipeDirection.Out);
        var deviceIn = new AnonymousPipeClientStream(PipeDirection.In, toDevice.ClientSafePipeHandle);
        var toHost = new AnonymousPipeServerStream(PipeDirection.Out);
        var hostIn = new AnonymousPipeClientStream(PipeDirection.In, toHost.ClientSafePipeHandle);
        return new InProcessLink(new StreamTransport(deviceIn, toHost), new DuplexStream(hostIn, toDevice));
    }

    public void Dispose()
    {
        Host.Dispose();
        Device.Dispose();
    }

    /// <summary>Reads from one stream and writes to another, as one bidirectional stream.</summary>
    private sealed class DuplexStream(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

        public override void Flush() => output.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
                output.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
