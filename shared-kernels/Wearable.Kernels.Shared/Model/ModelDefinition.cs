using Wearable.Kernels.Cnn;
using Wearable.Kernels.Eeg;
using Wearable.Kernels.Gesture;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// A fully validated model file: what <see cref="ModelReader.Read"/> returns only when every
    /// section passed, never partially filled. Arrays are empty when a section is absent.
    /// </summary>
    public sealed class ModelDefinition
    {
        public ModelDefinition(InputDescription input)
        {
            Input = input;
        }

        public int FormatVersion;
        public int FileLength;
        public uint Crc;
        public InputDescription Input { get; private set; }
        public FrontEndConfig? FrontEnd;
        public SpikingLayerRecord[] SpikingLayers = new SpikingLayerRecord[0];
        public TensorInfo[] Tensors = new TensorInfo[0];
        public ChannelQuantization[] QuantTables = new ChannelQuantization[0];
        public CnnLayer[] Layers = new CnnLayer[0];

        /// <summary>Tensor indices of the CNN graph's input and output; -1 without a CNN graph.</summary>
        public int GraphInput = -1;
        public int GraphOutput = -1;
        /// <summary>The on-device EEG detector (alpha or SSVEP), or null.</summary>
        public EegDetectorConfig? EegDetector;
        /// <summary>How the model's per-hop classes become the wearer's decisions (rest rejection, envelope gate, vote, hysteresis), or null: the raw argmax.</summary>
        public GestureDecisionParameters? GestureDecision;
        public string[] Labels = new string[0];
        public string Name = "";
        public string Description = "";

        /// <summary>Section kinds that were present but unknown to this reader (skipped, not required).</summary>
        public int SkippedSections;

        public bool HasCnn
        {
            get { return Layers.Length > 0; }
        }
    }
}
