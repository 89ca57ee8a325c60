namespace Wearable.Kernels.Model
{
    /// <summary>
    /// The one registration table of CNN ops (TFLite Micro's op resolver, for our format): the model
    /// reader, the tools' reports and the golden-vector catalog all look ops up here, so an op code
    /// is either known everywhere or rejected with its number.
    /// </summary>
    public static class CnnOpTable
    {
        private static readonly CnnOpKind[] Kinds = new CnnOpKind[]
        {
            new Conv1dOp(),
            new DepthwiseConv1dOp(),
            new PointwiseConvOp(),
            new DenseOp(),
            new Pool1dOp(CnnOpCode.MaxPool1d, "max_pool1d", false),
            new Pool1dOp(CnnOpCode.AvgPool1d, "avg_pool1d", true),
            new AddOp(),
            new SoftmaxOp(),
        };

        public static int Count
        {
            get { return Kinds.Length; }
        }

        /// <summary>The index-th registered kind, in registration order.</summary>
        public static CnnOpKind At(int index)
        {
            return Kinds[index];
        }

        /// <summary>The kind registered for an opcode, or null when this build does not know it.</summary>
        public static CnnOpKind? Find(int code)
        {
            for (int i = 0; i < Kinds.Length; i++)
            {
                if (Kinds[i].Code == code)
                {
                    return Kinds[i];
                }
            }

            return null;
        }

        /// <summary>"conv1d, depthwise_conv1d, ..." for error messages that list what is supported.</summary>
        public static string KnownNames()
        {
            string names = string.Empty;
            for (int i = 0; i < Kinds.Length; i++)
            {
                names += (i == 0 ? string.Empty : ", ") + Kinds[i].Code.ToString() + "=" + Kinds[i].Name;
            }

            return names;
        }
    }
}
