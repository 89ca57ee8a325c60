using System;
using System.Runtime.CompilerServices;
using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Native
{
    /// <summary>
    /// nanoFramework binding of the native C twins (native/, docs/native.md): the CNN hot loops as
    /// InternalCall methods, each behind a method with the shared C# kernel's signature that falls back
    /// to that kernel when the firmware image has no twins. Compile it into a board app with
    /// WEARABLE_NATIVE_TWINS defined only for firmware built with native/ (nanoFramework refuses to deploy
    /// an assembly whose native methods the image lacks); without the symbol every call is managed.
    /// Same integers either way: the golden HIL suites check the twins on the emulated M7.
    /// </summary>
    public static class NativeKernelInterop
    {
        /// <summary>Bumped whenever a native signature below changes; the firmware's twin must answer the same.</summary>
        public const int InterfaceVersion = 1;

        private static bool s_probed;
        private static bool s_native;

        /// <summary>True when the firmware answers the interface version this file expects.</summary>
        public static bool NativeAvailable
        {
            get
            {
                if (!s_probed)
                {
                    s_native = Probe();
                    s_probed = true;
                }

                return s_native;
            }
        }

        /// <summary>Conv1dS8.Run, on the native twin when there is one (scratch: kernel x cin ints either way).</summary>
        public static void Conv1dS8Run(
            Conv1dParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset, int inputLength,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset,
            int[] scratch)
        {
#if WEARABLE_NATIVE_TWINS
            if (NativeAvailable)
            {
                NativeConv1dS8(
                    input, inputOffset, inputLength, p.InputChannels, p.OutputChannels, p.KernelSize, p.Stride, p.Dilation, (int)p.Padding,
                    weights, weightsOffset, bias, biasOffset, quant.Multipliers, quant.Shifts, quant.Count,
                    p.InputOffset, p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset, scratch);
                return;
            }
#endif
            Conv1dS8.Run(p, quant, input, inputOffset, inputLength, weights, weightsOffset, bias, biasOffset, output, outputOffset, scratch);
        }

        /// <summary>DenseS8.Run, on the native twin when there is one.</summary>
        public static void DenseS8Run(
            DenseParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset,
            int[] scratch)
        {
#if WEARABLE_NATIVE_TWINS
            if (NativeAvailable)
            {
                NativeDenseS8(
                    input, inputOffset, p.InputSize, p.Units, weights, weightsOffset, bias, biasOffset, quant.Multipliers, quant.Shifts, quant.Count,
                    p.InputOffset, p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset, scratch);
                return;
            }
#endif
            DenseS8.Run(p, quant, input, inputOffset, weights, weightsOffset, bias, biasOffset, output, outputOffset, scratch);
        }

        private static bool Probe()
        {
#if WEARABLE_NATIVE_TWINS
            try
            {
                return NativeInterfaceVersion() == InterfaceVersion;
            }
            catch (Exception)
            {
                // An image built without the twins answers NotImplementedException: stay managed.
                return false;
            }
#else
            return false;
#endif
        }

#if WEARABLE_NATIVE_TWINS
        // Native side (docs/native.md): each stub unpacks its CLR arguments and calls the C function named
        // in its comment; the int[] scratch is reused as the int16 operand buffer (it is at least as large).

        /// <summary>Returns InterfaceVersion.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeInterfaceVersion();

        /// <summary>wk_conv1d_s8_flat.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeConv1dS8(
            sbyte[] input, int inputAt, int length, int inputChannels, int outputChannels, int kernelSize, int stride, int dilation, int padding,
            sbyte[] weights, int weightsAt, int[] bias, int biasAt, int[] multipliers, int[] shifts, int quantCount,
            int inputOffset, int outputOffset, int activationMin, int activationMax, sbyte[] output, int outputAt, int[] scratch);

        /// <summary>wk_dense_s8_flat.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void NativeDenseS8(
            sbyte[] input, int inputAt, int inputSize, int units, sbyte[] weights, int weightsAt, int[] bias, int biasAt,
            int[] multipliers, int[] shifts, int quantCount,
            int inputOffset, int outputOffset, int activationMin, int activationMax, sbyte[] output, int outputAt, int[] scratch);
#endif
    }
}
