namespace Wearable.Modeling.Datasets;

/// <summary>Opens a data folder with the loader its layout calls for.</summary>
public static class GestureDatasets
{
    /// <summary>
    /// The MyoArmbandDataset (EvaluationDataset/ and PreTrainingDataset/ inside), the myo-readings set
    /// (_readings_right_hand/ inside), or else a folder of one's own annotated recordings.
    /// </summary>
    public static IGestureDataset Open(string root, ClassAnnotationRules? rules = null)
    {
        if (Directory.Exists(Path.Combine(root, "EvaluationDataset")) && Directory.Exists(Path.Combine(root, "PreTrainingDataset")))
        {
            return new MyoArmbandDataset(root);
        }

        if (Directory.Exists(Path.Combine(root, "_readings_right_hand")))
        {
            return new MyoReadingsDataset(root);
        }

        return new AnnotatedRecordingDataset(root, rules);
    }
}
