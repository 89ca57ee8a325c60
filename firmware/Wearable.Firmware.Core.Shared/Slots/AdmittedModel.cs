using Wearable.Firmware.Profiles;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Slots
{
    /// <summary>A model parsed and checked at commit, handed to the loader so the file is not read again.</summary>
    public sealed class AdmittedModel
    {
        public AdmittedModel(int slot, int size, ModelDefinition model, ModelPipeline pipeline, ModelFootprint footprint)
        {
            Slot = slot;
            Size = size;
            Model = model;
            Pipeline = pipeline;
            Footprint = footprint;
        }

        /// <summary>The slot it was uploaded into, and its size: the loader takes it only if that slot became active.</summary>
        public int Slot { get; private set; }

        public int Size { get; private set; }

        public ModelDefinition Model { get; private set; }

        /// <summary>The running pipeline, or null when the model has no runnable path on this firmware.</summary>
        public ModelPipeline Pipeline { get; private set; }

        public ModelFootprint Footprint { get; private set; }
    }
}
