using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Hil;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// HilRun (authenticated): runs a registered kernel once on the given input, timed with the device
    /// clock (microsecond ticks), and answers HilResult. Kernel-level failures are the result's Status
    /// (UnknownKernel, BadHilInput) with no output; the active-model target answers UnknownKernel until
    /// a model runner is registered.
    /// </summary>
    public sealed class HilCommands : ICommandFamily
    {
        private readonly LinkPort _port;
        private readonly IDeviceClock _clock;
        private readonly HilKernelRegistry _kernels;
        private readonly HilRunMessage _run = new HilRunMessage();
        private readonly HilResultMessage _result = new HilResultMessage();

        public HilCommands(LinkPort port, IDeviceClock clock, HilKernelRegistry kernels)
        {
            if (port == null || clock == null || kernels == null)
            {
                throw new ArgumentNullException("port", "Port, clock and kernel registry are required.");
            }

            _port = port;
            _clock = clock;
            _kernels = kernels;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.HilRun, CommandAccess.Authenticated, LinkMessageType.HilResult, this);
        }

        public void Handle(LinkFrame frame)
        {
            int sequence = frame.Sequence;
            if (!frame.TryRead(_run))
            {
                _port.Refuse(LinkMessageType.HilRun, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
                return;
            }

            _result.TickFrequencyHz = 1000000;
            _result.ElapsedTicks = 0;
            _result.OutputLength = 0;
            IHilKernel kernel = _run.Target == HilRunMessage.TargetKernel ? _kernels.Find(_run.Name, _run.NameLength) : null;
            if (kernel == null)
            {
                _result.Status = LinkErrorCode.UnknownKernel;
                _port.Reply(_result, LinkMessageType.HilRun, sequence);
                return;
            }

            long start = _clock.Microseconds;
            int produced = kernel.Run(_run.Input, 0, _run.InputLength, _result.Output, 0, HilResultMessage.MaxOutputLength);
            long elapsed = _clock.Microseconds - start;
            if (produced < 0)
            {
                _result.Status = LinkErrorCode.BadHilInput;
                _port.Reply(_result, LinkMessageType.HilRun, sequence);
                return;
            }

            _result.Status = LinkErrorCode.None;
            _result.ElapsedTicks = elapsed;
            _result.OutputLength = produced;
            _port.Reply(_result, LinkMessageType.HilRun, sequence);
        }
    }
}
