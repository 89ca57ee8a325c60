using System.IO.Pipes;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Cli.Devices;

/// <summary>
/// Two OS pipes between the host session and an in-process virtual device. Unlike closing a pipe's
/// read end (which waits for a blocked reader on Linux), closing both write ends first hands each
/// reader end-of-stream, so disposal never hangs.
/// </summary>
public sealed class InProcessPipes : IDisposable
{
    private readonly AnonymousPipeServerStream _toDevice;
    private readonly AnonymousPipeServerStream _toHost;

    private InProcessPipes(AnonymousPipeServerStream toDevice, AnonymousPipeServerStream toHost, StreamTransport device, Stream host)
    {
        _toDevice = toDevice;
        _toHost = toHost;
        Device = device;
        Host = host;
    }

    public StreamTransport Device { get; }

    public Stream Host { get; }

    public static InProcessPipes Create()
    {
        var toDevice = new AnonymousPipeServerStream(PipeDirection.Out);
        var deviceIn = new AnonymousPipeClientStream(PipeDirection.In, toDevice.ClientSafePipeHandle);
        var toHost = new AnonymousPipeServerStream(PipeDirection.Out);
        var hostIn = new AnonymousPipeClientStream(PipeDirection.In, toHost.ClientSafePipeHandle);
        return new InProcessPipes(toDevice, toHost, new StreamTransport(deviceIn, toHost), new HostEnd(hostIn, toDevice));
    }

    public void Dispose()
    {
        _toDevice.Dispose();
        _toHost.Dispose();
        Device.Dispose();
        Host.Dispose();
    }

    /// <summary>The host's duplex stream; closing it closes its write end before its read end.</summary>
    private sealed class HostEnd(Stream input, Stream output) : Stream
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
                output.Dispose();
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
