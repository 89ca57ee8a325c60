using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Every shared HIL adapter with its fixed geometry: the one list both the desktop (golden suites,
    /// in-process target) and the device (HilRun registry) build from, so their names and shapes agree.
    /// </summary>
    public static class HilAdapterCatalog
    {
        public static HilAdapter[] CreateAll()
        {
            return new HilAdapter[]
            {
                new FrontEndHilAdapter(FrontEndHilAdapter.Biquad),
                new FrontEndHilAdapter(FrontEndHilAdapter.Envelope),
                new FrontEndHilAdapter(FrontEndHilAdapter.Features),
                new FrontEndHilAdapter(FrontEndHilAdapter.Goertzel),
                new SpikingHilAdapter(false),
                new SpikingHilAdapter(true),
                new L2muHilAdapter(),
                new Conv1dHilAdapter("cnn.conv1d.k3", 3, 4, 4, 1, 1, Padding1d.Valid),
                new Conv1dHilAdapter("cnn.conv1d.k5s2d2-same", 5, 3, 5, 2, 2, Padding1d.Same),
                new DepthwiseConv1dHilAdapter("cnn.depthwise.k3m2", 3, 4, 2, 1, 1, Padding1d.Same),
                new PointwiseConvHilAdapter("cnn.pointwise.8x6", 8, 6),
                new DenseHilAdapter("cnn.dense.32x10", 32, 10),
                new Pool1dHilAdapter("cnn.maxpool.p2", false, 2, 2, 4, Padding1d.Valid),
                new Pool1dHilAdapter("cnn.avgpool.p3s2-same", true, 3, 2, 4, Padding1d.Same),
                new AddHilAdapter(),
                new SoftmaxHilAdapter("cnn.softmax.8", 8),
                new ArgMaxHilAdapter(),
                new RequantizeHilAdapter(),
                new StreamingConvHilAdapter("cnn.stream-conv.k3d2", 3, 4, 4, 1, 2),
                new EegHilAdapter(EegHilAdapter.Artefacts),
                new EegHilAdapter(EegHilAdapter.Alpha),
                new EegHilAdapter(EegHilAdapter.Ssvep),
            };
        }
    }
}
