using System;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Executes a model file's front-end section with the Dsp kernels, one interleaved ADC frame at a
    /// time. Like <see cref="EmgFrontEnd"/>, window features read the filtered signal at the input
    /// rate; without features the output stream is the envelope (or the filtered signal) decimated by
    /// Decimation, and the delta encoder reads that stream. Everything is allocated here;
    /// <see cref="Push"/> allocates nothing.
    /// </summary>
    public sealed class FrontEndPipeline
    {
        private readonly FrontEndConfig _config;
        private readonly BiquadCascade? _filter;
        private readonly EnvelopeDetector? _envelope;
        private readonly Decimator? _decimator;
        private readonly WindowFeatures? _features;
        private readonly DeltaEncoder? _encoder;
        private readonly int[] _frame;
        private readonly int[] _decimated;
        private readonly int[] _envelopeFrame;
        private readonly int[] _allFeatures;
        private readonly int[] _outputs;
        private readonly int[] _selected;

        public FrontEndPipeline(FrontEndConfig config)
        {
            _config = config;
            int ch = config.Channels;
            if (config.FilterStageCount > 0)
            {
                _filter = new BiquadCascade(new BiquadCascadeParameters(config.FilterStages, config.GuardBits), ch);
            }

            if (config.EnvelopeKind == FrontEndConfig.EnvelopeRectifyLowPass)
            {
                _envelope = new EnvelopeDetector(new BiquadCascadeParameters(config.EnvelopeStages, config.GuardBits), ch);
            }

            if (config.Decimation > 1)
            {
                _decimator = new Decimator(config.Decimation, ch);
            }

            if (config.FeatureWindow > 0)
            {
                _features = new WindowFeatures(new WindowFeaturesParameters(config.FeatureWindow, config.FeatureHop, config.ZeroCrossingThreshold, config.SlopeSignChangeThreshold), ch);
            }

            if (config.EncoderKind == FrontEndConfig.EncoderDelta)
            {
                _encoder = new DeltaEncoder(ch, config.DeltaThresholds);
            }

            _frame = new int[ch];
            _decimated = new int[ch];
            _envelopeFrame = new int[ch];
            _allFeatures = new int[ch * WindowFeatures.FeaturesPerChannel];
            _outputs = new int[config.OutputsPerFrame];

            // Indices (within one channel's 5 features) selected by the mask, in MAV, RMS, WL, ZC, SSC order.
            int count = 0;
            for (int bit = 0; bit < WindowFeatures.FeaturesPerChannel; bit++)
            {
                if ((config.FeatureMask & (1 << bit)) != 0)
                {
                    count++;
                }
            }

            _selected = new int[count];
            count = 0;
            for (int bit = 0; bit < WindowFeatures.FeaturesPerChannel; bit++)
            {
                if ((config.FeatureMask & (1 << bit)) != 0)
                {
                    _selected[count++] = bit;
                }
            }
        }

        public FrontEndConfig Config
        {
            get { return _config; }
        }

        /// <summary>The latest output frame: selected features per channel, or the processed samples without features.</summary>
        public int[] Outputs
        {
            get { return _outputs; }
        }

        /// <summary>True when the last Push kept a frame of the (decimated) sample stream, i.e. the encoder stepped.</summary>
        public bool StreamFrameKept { get; private set; }

        /// <summary>The delta encoder (spikes of the latest kept stream frame), or null.</summary>
        public DeltaEncoder? Encoder
        {
            get { return _encoder; }
        }

        public void Reset()
        {
            if (_filter != null)
            {
                _filter.Reset();
            }

            if (_envelope != null)
            {
                _envelope.Reset();
            }

            if (_decimator != null)
            {
                _decimator.Reset();
            }

            if (_features != null)
            {
                _features.Reset();
            }

            if (_encoder != null)
            {
                _encoder.Reset();
            }
        }

        /// <summary>
        /// Takes one interleaved int16 frame (Channels samples). Returns true when a new output frame is
        /// in <see cref="Outputs"/> (every decimated frame without features, every hop with features).
        /// </summary>
        public bool Push(short[] samples, int offset)
        {
            int ch = _config.Channels;
            if (_filter != null)
            {
                _filter.ProcessFrames(samples, offset, _frame, 0, 1);
            }
            else
            {
                for (int c = 0; c < ch; c++)
                {
                    _frame[c] = samples[offset + c];
                }
            }

            bool featuresDue = _features != null && _features.PushFrame(_frame, 0);
            int[] stream = _frame;
            if (_envelope != null)
            {
                _envelope.ProcessFrames(_frame, 0, _envelopeFrame, 0, 1);
                stream = _envelopeFrame;
            }

            bool streamKept = true;
            if (_decimator != null)
            {
                streamKept = _decimator.PushFrame(stream, 0, _decimated, 0);
                stream = _decimated;
            }

            if (streamKept && _encoder != null)
            {
                _encoder.Step(stream, 0);
            }

            StreamFrameKept = streamKept;
            if (_features == null)
            {
                if (streamKept)
                {
                    Array.Copy(stream, 0, _outputs, 0, ch);
                }

                return streamKept;
            }

            if (!featuresDue)
            {
                return false;
            }

            _features!.WriteFeatures(_allFeatures, 0);
            int n = 0;
            for (int c = 0; c < ch; c++)
            {
                for (int k = 0; k < _selected.Length; k++)
                {
                    _outputs[n++] = _allFeatures[c * WindowFeatures.FeaturesPerChannel + _selected[k]];
                }
            }

            return true;
        }

        /// <summary>Writes the latest outputs as one int8 CNN input frame: clamp(requant(v, M[i], S[i]) + zeroPoint).</summary>
        public void QuantizeOutputs(ChannelQuantization quant, int zeroPoint, sbyte[] destination, int offset)
        {
            for (int i = 0; i < _outputs.Length; i++)
            {
                destination[offset + i] = Requantize.ToActivation(_outputs[i], quant.Multipliers[i], quant.Shifts[i], zeroPoint, -128, 127);
            }
        }
    }
}
