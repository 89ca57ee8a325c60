namespace Wearable.Modeling.Typing;

/// <summary>
/// Live typing recognition: raw sEMG blocks in, text out. Features every 10 ms, the CTC network on
/// each chunk of <see cref="ChunkFrames"/> new frames (with the conv's Kernel-1 frames of past
/// context), and the beam search advanced on the chunk's logits. A key becomes visible at most one
/// chunk (100 ms) after its burst reaches the network, plus compute time.
/// </summary>
public sealed class StreamingTypingRecognizer
{
    public const int ChunkFrames = 10;

    private readonly TypingModel _model;
    private readonly TypingNetworkRun _run;
    private readonly CtcBeamSearchDecoder _decoder;
    private readonly int _channels;
    private float[] _samples = new float[8192];
    private int _count;
    private readonly float[] _frame;
    private readonly float[] _window;
    private int _samplesDropped;
    private int _framesInWindow;
    private long _framesMade;

    public StreamingTypingRecognizer(TypingModel model, CharacterLanguageModel? languageModel, BeamSearchOptions beam, int channels)
    {
        _model = model;
        _channels = channels;
        _run = new TypingNetworkRun(model, ChunkFrames);
        _decoder = new CtcBeamSearchDecoder(languageModel, beam);
        _frame = new float[model.Features];
        _window = new float[(ChunkFrames + TypingModel.Kernel - 1) * model.Features];
    }

    /// <summary>Keys recognised so far (backspaces included; <see cref="TypingCharset.Apply"/> gives the text).</summary>
    public string Keys => _decoder.Best;

    /// <summary>Feature frames made so far (10 ms each).</summary>
    public long Frames => _framesMade;

    /// <summary>Adds <paramref name="frames"/> frames of samples; returns true when the decoder advanced.</summary>
    public bool Push(float[] interleaved, int frames)
    {
        if (_count + (frames * _channels) > _samples.Length)
        {
            Array.Resize(ref _samples, Math.Max(2 * _samples.Length, _count + (frames * _channels)));
        }

        Array.Copy(interleaved, 0, _samples, _count, frames * _channels);
        _count += frames * _channels;

        bool advanced = false;
        int features = _model.Features;
        int context = TypingModel.Kernel - 1;
        while ((_count / _channels) - ((_framesMade * TypingFeatures.Hop) - _samplesDropped) >= TypingFeatures.Window)
        {
            int start = (int)((_framesMade * TypingFeatures.Hop) - _samplesDropped);
            TypingFeatures.ComputeFrame(_samples, _channels, start, _frame, 0);
            _framesMade++;
            if (_framesMade == 1)
            {
                for (int t = 0; t < context; t++)
                {
                    Array.Copy(_frame, 0, _window, t * features, features); // pad the conv's history with the first frame
                }

                _framesInWindow = context;
            }

            Array.Copy(_frame, 0, _window, _framesInWindow * features, features);
            _framesInWindow++;
            if (_framesInWindow == ChunkFrames + context)
            {
                float[] logits = _run.Forward(_window, 0);
                _decoder.Push(logits, ChunkFrames);
                Array.Copy(_window, ChunkFrames * features, _window, 0, context * features);
                _framesInWindow = context;
                advanced = true;
            }

            // Keep only what the next frame needs.
            int keepFrom = (int)((_framesMade * TypingFeatures.Hop) - _samplesDropped) - 1;
            if (keepFrom > 4000)
            {
                Array.Copy(_samples, keepFrom * _channels, _samples, 0, _count - (keepFrom * _channels));
                _count -= keepFrom * _channels;
                _samplesDropped += keepFrom;
            }
        }

        return advanced;
    }
}
