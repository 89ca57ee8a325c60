namespace Wearable.Kernels.Model
{
    /// <summary>Op codes of the CNN graph section (docs/model-format.md).</summary>
    public static class CnnOpCode
    {
        public const int Conv1d = 1;
        public const int DepthwiseConv1d = 2;
        public const int PointwiseConv = 3;
        public const int Dense = 4;
        public const int MaxPool1d = 5;
        public const int AvgPool1d = 6;
        public const int Add = 7;
        public const int Softmax = 8;

        public static string Name(int op)
        {
            switch (op)
            {
                case Conv1d: return "conv1d";
                case DepthwiseConv1d: return "depthwise_conv1d";
                case PointwiseConv: return "pointwise_conv";
                case Dense: return "dense";
                case MaxPool1d: return "max_pool1d";
                case AvgPool1d: return "avg_pool1d";
                case Add: return "add";
                case Softmax: return "softmax";
                default: return "op_" + op.ToString();
            }
        }
    }
}
