namespace Wearable.Modeling.Datasets;

/// <summary>
/// The offline protocol of Côté-Allard et al. 2019 on the evaluation set: per person, train on
/// training0 and test on Test0 and Test1; windows of 52 samples (260 ms at 200 Hz).
/// </summary>
public static class MyoArmbandProtocol
{
    public const int WindowLength = 52;

    /// <summary>
    /// RMS of the raw PreTrainingDataset samples (22 people, training0, every channel and frame): 18.49
    /// counts, the level the shipped pre-trained models were trained at (measured once over the 4,880,480
    /// int16 values of the .dat files; see docs/gestures.md, calibration).
    /// </summary>
    public const double PreTrainingRms = 18.49;

    /// <summary>The paper slid its windows by 5 samples (235 ms overlap).</summary>
    public const int Hop = 5;

    public static WindowSet Windows(IEnumerable<LabelledRecording> recordings, int length = WindowLength, int hop = Hop)
    {
        var set = new WindowSet(MyoArmbandDatReader.Channels, length, 4096);
        foreach (var recording in recordings)
        {
            set.AddRecording(recording, hop);
        }

        return set;
    }

    public static WindowSet TrainingWindows(MyoArmbandDataset data, MyoParticipant person, int hop = Hop) =>
        Windows(data.LoadSession(person, MyoArmbandDataset.Training), WindowLength, hop);

    public static WindowSet TestWindows(MyoArmbandDataset data, MyoParticipant person, int hop = Hop) =>
        Windows(
            data.LoadSession(person, MyoArmbandDataset.Test0).Concat(data.LoadSession(person, MyoArmbandDataset.Test1)),
            WindowLength,
            hop);

    /// <summary>Quantization settings for a model of this protocol: 200 Hz, decisions every <see cref="Hop"/> samples, the seven gesture names.</summary>
    public static Quantization.QuantizationOptions QuantizationOptions(string name = "gesture-cnn-int8") => new()
    {
        Name = name,
        SampleRateMilliHz = (int)(MyoArmbandDatReader.SampleRate * 1000),
        HopSamples = Hop,
        Labels = MyoArmbandDatReader.GestureNames,
    };

    /// <summary>All of the pre-training set (one session per person), for transfer learning.</summary>
    public static WindowSet PreTrainingWindows(MyoArmbandDataset data, int hop = Hop) =>
        Windows(data.PreTrainingParticipants().SelectMany(p => data.LoadSession(p, MyoArmbandDataset.Training)), WindowLength, hop);
}
