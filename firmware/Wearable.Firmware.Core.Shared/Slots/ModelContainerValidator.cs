using System;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Slots
{
    /// <summary>
    /// Runs the shared model reader (Wearable.Kernels.Model.ModelReader) over a slot before its commit: a
    /// blob that is not a valid model container, or whose input does not match this device's channels and
    /// sample rate, never becomes active. The reader needs the file in one array, allocated here at commit
    /// time only (never per sample); on an ESP32 that bounds the model size by the free heap.
    /// </summary>
    public sealed class ModelContainerValidator : IModelValidator
    {
        private readonly int _channels;
        private readonly int _sampleRate;
        private string _lastProblem = string.Empty;

        public ModelContainerValidator(int channels, int sampleRate)
        {
            _channels = channels;
            _sampleRate = sampleRate;
        }

        public string LastProblem { get { return _lastProblem; } }

        public int Validate(ModelSlots slots, int slot, int size)
        {
            byte[] file = new byte[size];
            slots.ReadSlot(slot, 0, file, 0, size);
            try
            {
                ModelDefinition model = ModelReader.Read(file);
                if (model.Input.Channels != _channels || model.Input.SampleRateMilliHz != _sampleRate * 1000)
                {
                    _lastProblem = "the model expects " + model.Input.Channels.ToString() + " ch at "
                        + (model.Input.SampleRateMilliHz / 1000).ToString() + " Hz; this device has "
                        + _channels.ToString() + " ch at " + _sampleRate.ToString() + " Hz";
                    return SlotResult.Rejected;
                }
            }
            catch (ModelFormatException ex)
            {
                _lastProblem = ex.Message;
                return SlotResult.Rejected;
            }

            _lastProblem = string.Empty;
            return SlotResult.Ok;
        }
    }
}
