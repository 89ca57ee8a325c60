using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// ConfigGet and ConfigSet (authenticated): the shared <see cref="LinkConfigKey"/> settings this board
    /// reports and the read-only <see cref="DeviceConfigKey"/> status values; the one writable key is the
    /// running EEG detector's per-user threshold (<see cref="LinkConfigKey.DetectorThresholdQ15"/>).
    /// </summary>
    public sealed class ConfigCommands : ICommandFamily
    {
        private readonly ISampleSource _source;
        private readonly LinkPort _port;
        private readonly ModelSlots _slots;
        private readonly BufferPlan _plan;
        private readonly StreamEngine _stream;
        private readonly ConfigGetMessage _configGet = new ConfigGetMessage();
        private readonly ConfigSetMessage _configSet = new ConfigSetMessage();
        private readonly ConfigValueMessage _configValue = new ConfigValueMessage();

        public ConfigCommands(ISampleSource source, LinkPort port, ModelSlots slots, BufferPlan plan, StreamEngine stream)
        {
            if (source == null || port == null || slots == null || plan == null || stream == null)
            {
                throw new ArgumentNullException("source", "Source, port, slots and buffer plan are required.");
            }

            _plan = plan;
            _source = source;
            _port = port;
            _slots = slots;
            _stream = stream;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.ConfigGet, CommandAccess.Authenticated, LinkMessageType.ConfigValue, this);
            table.Register(LinkMessageType.ConfigSet, CommandAccess.Authenticated, LinkMessageType.ConfigValue, this);
        }

        public void Handle(LinkFrame frame)
        {
            if (frame.MessageType == LinkMessageType.ConfigSet)
            {
                if (!frame.TryRead(_configSet))
                {
                    CommandReplies.Malformed(_port, frame);
                    return;
                }

                SetDetectorThreshold(frame.Sequence);
                return;
            }

            if (!frame.TryRead(_configGet))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            int key = _configGet.Key;
            int value;
            if (key == LinkConfigKey.SampleRateHz)
            {
                value = _source.SampleRate;
            }
            else if (key == LinkConfigKey.ChannelMask)
            {
                value = _source.Channels >= 32 ? -1 : (int)((1u << _source.Channels) - 1);
            }
            else if (key == DeviceConfigKey.ActiveModelCrc)
            {
                value = (int)_slots.ActiveCrc;
            }
            else if (key == DeviceConfigKey.ActiveModelSize)
            {
                value = _slots.ActiveSize;
            }
            else if (key == DeviceConfigKey.ActiveModelVerified)
            {
                value = _slots.ActiveVerified ? 1 : 0;
            }
            else if (key == DeviceConfigKey.UploadReceived)
            {
                value = _slots.Uploading ? _slots.Received : -1;
            }
            else if (key == DeviceConfigKey.ModelArenaBytes)
            {
                value = _plan.ModelArenaBytes;
            }
            else if (key == DeviceConfigKey.ModelParameterBytes)
            {
                value = _plan.ModelParameterBytes;
            }
            else
            {
                _port.Refuse(LinkMessageType.ConfigGet, frame.Sequence, LinkErrorCode.UnknownConfigKey, "unknown configuration key");
                return;
            }

            _configValue.Key = key;
            _configValue.Value = value;
            _port.Reply(_configValue, LinkMessageType.ConfigGet, frame.Sequence);
        }
    
        // The only writable key: a per-user threshold for the running EEG detector (calibration from the host).
        private void SetDetectorThreshold(int sequence)
        {
            if (_configSet.Key != LinkConfigKey.DetectorThresholdQ15)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.UnknownConfigKey, "only the EEG detector threshold (key 9) is writable in this firmware");
                return;
            }

            ModelPipeline model = _stream.Model;
            if (model == null || model.Eeg == null)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.InvalidArgument, "the active model has no EEG detector: push an alpha or SSVEP model first");
                return;
            }

            if (_configSet.Value < 0 || _configSet.Value > 32767)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.InvalidArgument, "the detector threshold is Q15: 0..32767");
                return;
            }

            model.Eeg.ThresholdQ15 = _configSet.Value;
            _port.Ack(LinkMessageType.ConfigSet, sequence);
        }
    }
}
