namespace Wearable.Modeling.Simulation;

/// <summary>
/// The virtual forearm: muscles at angles around the wrist circumference (0 = dorsal midline, degrees
/// increasing towards the radial side), gestures as muscle-activation patterns (synergies) and typing
/// fingers as flexor compartments.
/// </summary>
public static class ForearmModel
{
    public static readonly string[] Muscles =
    [
        "extensor digitorum", "extensor carpi radialis", "flexor carpi radialis", "flexor digitorum (index)",
        "flexor digitorum (middle)", "flexor digitorum (ring/little)", "flexor carpi ulnaris", "extensor carpi ulnaris",
    ];

    /// <summary>Angle of each muscle's centre around the wrist, in degrees.</summary>
    public static readonly double[] MuscleAngles = [0, 55, 120, 160, 185, 210, 250, 305];

    /// <summary>The Myo armband dataset's seven gestures, in its label order.</summary>
    public static readonly string[] Gestures =
    [
        "neutral", "radial deviation", "wrist flexion", "ulnar deviation", "wrist extension", "hand close", "hand open",
    ];

    // Rows: gestures; columns: muscles in the order above; values: fraction of maximum excitation.
    private static readonly double[][] s_synergies =
    [
        [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01],
        [0.05, 0.45, 0.35, 0.03, 0.03, 0.02, 0.03, 0.05],
        [0.04, 0.05, 0.45, 0.20, 0.20, 0.15, 0.40, 0.04],
        [0.05, 0.03, 0.03, 0.03, 0.03, 0.05, 0.40, 0.45],
        [0.40, 0.40, 0.04, 0.03, 0.03, 0.03, 0.04, 0.35],
        [0.10, 0.10, 0.10, 0.45, 0.45, 0.45, 0.10, 0.08],
        [0.50, 0.12, 0.03, 0.05, 0.05, 0.05, 0.03, 0.15],
    ];

    /// <summary>Muscle activation pattern of a gesture, scaled by an effort in [0, 1].</summary>
    public static double[] Synergy(int gesture, double effort)
    {
        if (gesture < 0 || gesture >= s_synergies.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(gesture), gesture, "Gesture must be 0.." + (s_synergies.Length - 1) + ".");
        }

        var pattern = new double[Muscles.Length];
        for (int m = 0; m < pattern.Length; m++)
        {
            pattern[m] = gesture == 0 ? s_synergies[0][m] : s_synergies[gesture][m] * effort / 0.5;
        }

        return pattern;
    }

    /// <summary>The flexor compartment (muscle index) that presses a key, by touch-typing finger.</summary>
    public static int TypingMuscle(char key)
    {
        char k = char.ToLowerInvariant(key);
        if ("qazwsx12ol.p;/0-9".Contains(k, StringComparison.Ordinal))
        {
            return 5; // ring and little fingers
        }

        if ("edc3ik,8".Contains(k, StringComparison.Ordinal))
        {
            return 4; // middle fingers
        }

        return 3; // index fingers and thumb (space) via the index compartment
    }
}
