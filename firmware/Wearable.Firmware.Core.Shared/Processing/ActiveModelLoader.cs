using System;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// Turns the active, verified model slot into a running <see cref="ModelPipeline"/> (front end,
    /// CNN and/or LIF layers). Allocation happens here, at boot and after a commit, never per sample.
    /// A slot that committed but cannot run on this build (e.g. an L2MU model before its runtime
    /// lands) leaves the device streaming raw and filtered data and says why in <see cref="Problem"/>.
    /// </summary>
    public sealed class ActiveModelLoader
    {
        private readonly ModelSlots _slots;
        private int _loadedSlot = -2;
        private uint _loadedCrc;
        private string _problem = string.Empty;

        public ActiveModelLoader(ModelSlots slots)
        {
            if (slots == null)
            {
                throw new ArgumentNullException("slots");
            }

            _slots = slots;
        }

        /// <summary>The running pipeline, or null when no model is active or it cannot run.</summary>
        public ModelPipeline Pipeline { get; private set; }

        /// <summary>Labels of the running model (empty when none).</summary>
        public string[] Labels { get; private set; } = new string[0];

        /// <summary>Why the active slot is not running (empty when it is, or when there is no model).</summary>
        public string Problem
        {
            get { return _problem; }
        }

        /// <summary>True when the active slot changed since the last load (a commit or a rollback happened).</summary>
        public bool IsStale
        {
            get { return _slots.ActiveSlot != _loadedSlot || _slots.ActiveCrc != _loadedCrc; }
        }

        /// <summary>
        /// Takes a model already parsed from the active slot (at its commit), so the file is not read
        /// again; <paramref name="pipeline"/> null means it has no runnable path here.
        /// </summary>
        public void Install(ModelPipeline pipeline, string[] labels)
        {
            _loadedSlot = _slots.ActiveSlot;
            _loadedCrc = _slots.ActiveCrc;
            Pipeline = pipeline;
            Labels = pipeline == null ? new string[0] : labels;
            _problem = pipeline == null ? NotRunnable : string.Empty;
        }

        private const string NotRunnable = "the active model has no runnable path on this firmware (front end feeding a CNN or LIF layers)";

        /// <summary>Loads the active slot if it changed; returns true when the pipeline was replaced.</summary>
        public bool Refresh()
        {
            if (!IsStale)
            {
                return false;
            }

            _loadedSlot = _slots.ActiveSlot;
            _loadedCrc = _slots.ActiveCrc;
            Pipeline = null;
            Labels = new string[0];
            _problem = string.Empty;
            if (_slots.ActiveSlot < 0 || !_slots.ActiveVerified)
            {
                return true;
            }

            sbyte[] file = _slots.ReadSlotImage(_slots.ActiveSlot, _slots.ActiveSize);
            try
            {
                ModelDefinition model = ModelReader.Read(file);
                if (!ModelPipeline.CanRun(model))
                {
                    _problem = NotRunnable;
                    return true;
                }

                Pipeline = new ModelPipeline(model);
                Labels = model.Labels;
            }
            catch (ModelFormatException ex)
            {
                _problem = ex.Message;
            }
            catch (InvalidOperationException ex)
            {
                _problem = ex.Message;
            }

            return true;
        }
    }
}
