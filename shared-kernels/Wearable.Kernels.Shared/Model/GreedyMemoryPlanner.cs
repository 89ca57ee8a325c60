namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Static placement of tensors in one arena by lifetime, like TFLite Micro's GreedyMemoryPlanner:
    /// largest tensor first, each at the lowest offset that does not overlap any already placed tensor
    /// alive at the same time. Lifetimes are op indices [first, last], inclusive.
    /// </summary>
    public static class GreedyMemoryPlanner
    {
        /// <summary>Placement granularity: offsets and sizes are rounded up to 4 bytes.</summary>
        public const int Alignment = 4;

        /// <summary>
        /// Fills offsets[i] for every buffer with sizes[i] > 0 (others get 0) and returns the arena size.
        /// </summary>
        public static int Plan(int[] sizes, int[] firstUse, int[] lastUse, int[] offsets)
        {
            int n = sizes.Length;
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            // Insertion sort by size, descending, ties by index: deterministic and fine for <= 256 tensors.
            for (int i = 1; i < n; i++)
            {
                int v = order[i];
                int j = i - 1;
                while (j >= 0 && (sizes[order[j]] < sizes[v] || (sizes[order[j]] == sizes[v] && order[j] > v)))
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = v;
            }

            var placed = new int[n];
            int placedCount = 0;
            var conflicts = new int[n];
            int arena = 0;
            for (int k = 0; k < n; k++)
            {
                int t = order[k];
                offsets[t] = 0;
                if (sizes[t] <= 0)
                {
                    continue;
                }

                int size = Align(sizes[t]);

                // Placed tensors alive at the same time, sorted by offset.
                int conflictCount = 0;
                for (int i = 0; i < placedCount; i++)
                {
                    int other = placed[i];
                    if (firstUse[other] <= lastUse[t] && firstUse[t] <= lastUse[other])
                    {
                        int j = conflictCount - 1;
                        while (j >= 0 && offsets[conflicts[j]] > offsets[other])
                        {
                            conflicts[j + 1] = conflicts[j];
                            j--;
                        }

                        conflicts[j + 1] = other;
                        conflictCount++;
                    }
                }

                int candidate = 0;
                for (int i = 0; i < conflictCount; i++)
                {
                    int other = conflicts[i];
                    if (candidate + size <= offsets[other])
                    {
                        break;
                    }

                    int end = offsets[other] + Align(sizes[other]);
                    if (end > candidate)
                    {
                        candidate = end;
                    }
                }

                offsets[t] = candidate;
                placed[placedCount++] = t;
                if (candidate + size > arena)
                {
                    arena = candidate + size;
                }
            }

            return arena;
        }

        private static int Align(int size)
        {
            return (size + Alignment - 1) / Alignment * Alignment;
        }
    }
}
