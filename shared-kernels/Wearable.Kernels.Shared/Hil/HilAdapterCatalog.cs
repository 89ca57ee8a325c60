using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Every shared HIL adapter with its fixed geometry: the one list both the desktop (golden suites,
    /// in-process target) and the device (HilRun registry) build from, so their names and shapes agree.
    /// The CNN ops' adapters come from <see cref="CnnOpTable"/>, so a registered op is covered by golden
    /// vectors without a second list to keep in step.
    /// </summary>
    public static class HilAdapterCatalog
    {
        public static HilAdapter[] CreateAll()
        {
            var front = new HilAdapter[]
            {
                new FrontEndHilAdapter(FrontEndHilAdapter.Biquad),
                new FrontEndHilAdapter(FrontEndHilAdapter.Envelope),
                new FrontEndHilAdapter(FrontEndHilAdapter.Features),
                new FrontEndHilAdapter(FrontEndHilAdapter.Goertzel),
                new SpikingHilAdapter(false),
                new SpikingHilAdapter(true),
                new L2muHilAdapter(),
            };
            var kernelsBeyondOps = new HilAdapter[]
            {
                new ArgMaxHilAdapter(),
                new RequantizeHilAdapter(),
                new StreamingConvHilAdapter("cnn.stream-conv.k3d2", 3, 4, 4, 1, 2),
                new EegHilAdapter(EegHilAdapter.Artefacts),
                new EegHilAdapter(EegHilAdapter.Alpha),
                new EegHilAdapter(EegHilAdapter.Ssvep),
            };

            // Each op's adapters are created once: on the device they are the HIL's largest buffers.
            var ops = new HilAdapter[CnnOpTable.Count][];
            int count = front.Length + kernelsBeyondOps.Length;
            for (int i = 0; i < ops.Length; i++)
            {
                ops[i] = CnnOpTable.At(i).CreateGoldenAdapters();
                count += ops[i].Length;
            }

            var all = new HilAdapter[count];
            int at = Append(all, 0, front);
            for (int i = 0; i < ops.Length; i++)
            {
                at = Append(all, at, ops[i]);
            }

            Append(all, at, kernelsBeyondOps);
            return all;
        }

        private static int Append(HilAdapter[] all, int at, HilAdapter[] some)
        {
            for (int i = 0; i < some.Length; i++)
            {
                all[at + i] = some[i];
            }

            return at + some.Length;
        }
    }
}
