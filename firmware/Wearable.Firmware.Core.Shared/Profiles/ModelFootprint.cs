using Wearable.Kernels.Model;

namespace Wearable.Firmware.Profiles
{
    /// <summary>
    /// The RAM a loaded model keeps: its parameters and its working memory (the CNN arena and scratch,
    /// the input window the pipeline slides, the scores it reads back). Parameters are the file image
    /// the model was read into (its CNN weights are used there, in place) plus the tables parsed out of
    /// it (biases, requantization and lookup tables, labels, spiking weights): the reader keeps each at
    /// the width the file stores it, so the rest of the file bounds them from above.
    /// </summary>
    public sealed class ModelFootprint
    {
        public ModelFootprint(int parameterBytes, int arenaBytes, int windowBytes)
        {
            ParameterBytes = parameterBytes;
            ArenaBytes = arenaBytes;
            WindowBytes = windowBytes;
        }

        /// <summary>The file image (weights in place) and the tables parsed out of it.</summary>
        public int ParameterBytes { get; private set; }

        /// <summary>The runner's activation arena plus its scratch.</summary>
        public int ArenaBytes { get; private set; }

        /// <summary>The pipeline's input window and the read-back scores.</summary>
        public int WindowBytes { get; private set; }

        public int TotalBytes { get { return ParameterBytes + ArenaBytes + WindowBytes; } }

        /// <summary>What <paramref name="pipeline"/> (null: a model that cannot run here) of a file of <paramref name="fileBytes"/> keeps.</summary>
        public static ModelFootprint Of(int fileBytes, ModelPipeline pipeline)
        {
            ModelRunner runner = pipeline == null ? null : pipeline.Runner;
            if (runner == null)
            {
                return new ModelFootprint(fileBytes, 0, 0);
            }

            int parsedTables = fileBytes - runner.WeightBytesInPlace;
            return new ModelFootprint(fileBytes + parsedTables, runner.WorkingBytes, runner.InputBytes + runner.OutputBytes);
        }

        /// <summary>"parameters 9 120 B + arena 3 072 B + window 400 B = 12 592 B".</summary>
        public string Describe()
        {
            return "parameters " + BufferPlan.FormatBytes(ParameterBytes) + " + arena " + BufferPlan.FormatBytes(ArenaBytes)
                + " + window " + BufferPlan.FormatBytes(WindowBytes) + " = " + BufferPlan.FormatBytes(TotalBytes);
        }
    }
}
