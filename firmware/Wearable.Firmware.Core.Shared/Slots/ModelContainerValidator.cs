using System;
using Wearable.Firmware.Profiles;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Slots
{
    /// <summary>
    /// Admits a model before its commit: the file must fit the RAM the core left for a model (checked
    /// before reading it), parse with the shared model reader, match this device's channels and sample
    /// rate, and, once its pipeline is built, keep parameters + arena + window within that room. A
    /// refusal names the numbers. The parsed pipeline is kept for <see cref="TakeAdmitted"/>, so the
    /// file is read from flash and parsed once per upload; the reader needs the file in one int8 array,
    /// allocated here at commit time only (never per sample), which the model then keeps as its weights.
    /// </summary>
    public sealed class ModelContainerValidator : IModelValidator
    {
        private readonly int _channels;
        private readonly int _sampleRate;
        private readonly int _roomBytes;
        private readonly string _roomText;
        private string _lastProblem = string.Empty;
        private AdmittedModel _admitted;

        /// <param name="roomBytes">RAM the model may use (the board's buffer RAM minus the core's buffers).</param>
        /// <param name="roomText">How that room came about, for refusals ("board ESP32: 32 768 B, 20 870 B for the core's buffers").</param>
        public ModelContainerValidator(int channels, int sampleRate, int roomBytes, string roomText)
        {
            _channels = channels;
            _sampleRate = sampleRate;
            _roomBytes = roomBytes;
            _roomText = roomText == null ? string.Empty : roomText;
        }

        public string LastProblem { get { return _lastProblem; } }

        public int Validate(ModelSlots slots, int slot, int size)
        {
            _admitted = null;
            if (size > _roomBytes)
            {
                // The parsed tables alone are about the file's size: refuse before allocating anything.
                _lastProblem = "the model file is " + BufferPlan.FormatBytes(size) + "; " + RoomDescription();
                return SlotResult.Rejected;
            }

            // The model keeps this image: its CNN layers use their weights where they lie in it.
            sbyte[] file = slots.ReadSlotImage(slot, size);
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

                ModelPipeline pipeline = ModelPipeline.CanRun(model) ? new ModelPipeline(model) : null;
                ModelFootprint footprint = ModelFootprint.Of(size, pipeline);
                if (footprint.TotalBytes > _roomBytes)
                {
                    _lastProblem = "the model needs " + footprint.Describe() + "; " + RoomDescription();
                    return SlotResult.Rejected;
                }

                _admitted = new AdmittedModel(slot, size, model, pipeline, footprint);
            }
            catch (ModelFormatException ex)
            {
                _lastProblem = ex.Message;
                return SlotResult.Rejected;
            }
            catch (InvalidOperationException ex)
            {
                _lastProblem = ex.Message;
                return SlotResult.Rejected;
            }

            _lastProblem = string.Empty;
            return SlotResult.Ok;
        }

        /// <summary>The model the last successful <see cref="Validate"/> parsed, once (null afterwards or when none).</summary>
        public AdmittedModel TakeAdmitted()
        {
            AdmittedModel admitted = _admitted;
            _admitted = null;
            return admitted;
        }

        private string RoomDescription()
        {
            return BufferPlan.FormatBytes(_roomBytes < 0 ? 0 : _roomBytes) + " are left for a model (" + _roomText + "): use a smaller model or a board with more RAM";
        }
    }
}
