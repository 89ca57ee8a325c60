namespace Wearable.Kernels.Model
{
    /// <summary>Reads the input description (type 1) and the labels (type 7) sections.</summary>
    public static class InputSectionReader
    {
        public const int MaxChannels = 1024;

        public static InputDescription Read(ModelByteReader r)
        {
            var input = new InputDescription();
            input.Channels = r.U16In("input.channels", 1, MaxChannels);
            r.Reserved("input.reserved", 2);
            input.SampleRateMilliHz = r.U32("input.sample_rate_mhz", 1, 100000000);
            input.Unit = r.U8In("input.unit", 0, InputDescription.UnitMilliG);
            r.Reserved("input.reserved", 3);
            input.NanoUnitsPerLsb = r.U32("input.nano_units_per_lsb", 1, int.MaxValue);
            input.WindowSamples = r.U32("input.window_samples", 1, 10000000);
            input.HopSamples = r.U32("input.hop_samples", 1, input.WindowSamples);
            ModelReader.End(r, "input");
            return input;
        }

        public static string[] ReadLabels(ModelByteReader r, ModelDefinition model)
        {
            int at = r.Position;
            int count = r.U16In("labels.count", 0, 4096);
            if (model.HasCnn && count != 0)
            {
                int classes = model.Tensors[model.GraphOutput].Channels;
                if (count != classes)
                {
                    throw r.ErrorAt("labels.count", at, count.ToString() + " labels for a graph output of " + classes.ToString() + " classes");
                }
            }

            var labels = new string[count];
            for (int i = 0; i < count; i++)
            {
                labels[i] = r.String8("labels[" + i.ToString() + "]");
            }

            ModelReader.End(r, "labels");
            return labels;
        }
    }
}
