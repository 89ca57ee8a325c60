namespace Wearable.Kernels.Model
{
    /// <summary>Op codes of the CNN graph section (docs/model-format.md); what each means is registered in <see cref="CnnOpTable"/>.</summary>
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

        /// <summary>The registered name of an op code, or "op_N" for a code this build does not know.</summary>
        public static string Name(int op)
        {
            CnnOpKind? kind = CnnOpTable.Find(op);
            return kind == null ? "op_" + op.ToString() : kind.Name;
        }
    }
}
