using Wearable.TestSupport;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>Real Myo sEMG (../shared/data/emg/myo-armband, EvaluationDataset Test0 sessions) as interleaved int16 frames.</summary>
public static class RealRecordings
{
    /// <summary>The 28 repetitions (four cycles of seven gestures) of Test0 for each named person, in order.</summary>
    public static IEnumerable<short[]> Test0Repetitions(params string[] people)
    {
        foreach (string person in people)
        {
            for (int i = 0; i < 28; i++)
            {
                byte[] bytes = File.ReadAllBytes(RepositoryPaths.SharedDataFile("emg", "myo-armband", "EvaluationDataset", person, "Test0", "classe_" + i + ".dat"));
                var samples = new short[bytes.Length / 2];
                Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
                yield return samples;
            }
        }
    }
}
