namespace Posta.Sasl.Preparation;

/// <summary>
/// Unicode Normalization Form KC (UAX #15): full compatibility decomposition, canonical ordering,
/// canonical composition. Written here because string.Normalize is a no-op under
/// InvariantGlobalization, which Posta runs with.
/// </summary>
internal static class Nfkc
{
    // Unicode §3.12, conjoining jamo behaviour.
    private const int SBase = 0xAC00;
    private const int LBase = 0x1100;
    private const int VBase = 0x1161;
    private const int TBase = 0x11A7;
    private const int LCount = 19;
    private const int VCount = 21;
    private const int TCount = 28;
    private const int NCount = VCount * TCount;
    private const int SCount = LCount * NCount;

    /// <summary>Normalises a sequence of Unicode scalar values.</summary>
    public static List<int> Normalize(IReadOnlyList<int> input)
    {
        var data = NormalizationData.Instance;
        var decomposed = new List<int>(input.Count);
        foreach (var code in input)
        {
            Decompose(data, code, decomposed);
        }

        Reorder(data, decomposed);
        return Compose(data, decomposed);
    }

    private static void Decompose(NormalizationData data, int code, List<int> output)
    {
        var s = code - SBase;
        if (s is >= 0 and < SCount)
        {
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            if (s % TCount != 0)
            {
                output.Add(TBase + (s % TCount));
            }
        }
        else if (data.Decompositions.TryGetValue(code, out var parts))
        {
            // The table holds the full decomposition already, so there is nothing to recurse into.
            output.AddRange(parts);
        }
        else
        {
            output.Add(code);
        }
    }

    private static int Class(NormalizationData data, int code) => data.Classes.TryGetValue(code, out var ccc) ? ccc : 0;

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void Reorder(NormalizationData data, List<int> codes)
    {
        for (var i = 1; i < codes.Count; i++)
        {
            var ccc = Class(data, codes[i]);
            if (ccc == 0)
            {
                continue;
            }

            // Insertion sort: runs are short, and equal classes keep their order.
            var j = i;
            while (j > 0 && Class(data, codes[j - 1]) > ccc)
            {
                (codes[j - 1], codes[j]) = (codes[j], codes[j - 1]);
                j--;
            }
        }
    }

    private static List<int> Compose(NormalizationData data, List<int> codes)
    {
        var output = new List<int>(codes.Count);
        var starter = -1;
        var lastClass = 0;
        foreach (var code in codes)
        {
            var ccc = Class(data, code);
            // A character combines with the last starter unless something between them blocks it:
            // a starter, or a mark of the same or a higher class.
            var adjacent = starter == output.Count - 1;
            if (starter >= 0 && (adjacent || (lastClass != 0 && lastClass < ccc)) && TryCompose(data, output[starter], code, out var composite))
            {
                output[starter] = composite;
                continue;
            }

            if (ccc == 0)
            {
                starter = output.Count;
                lastClass = 0;
            }
            else
            {
                lastClass = ccc;
            }

            output.Add(code);
        }

        return output;
    }

    private static bool TryCompose(NormalizationData data, int first, int second, out int composite)
    {
        var l = first - LBase;
        var v = second - VBase;
        if (l is >= 0 and < LCount && v is >= 0 and < VCount)
        {
            composite = SBase + (((l * VCount) + v) * TCount);
            return true;
        }

        var s = first - SBase;
        var t = second - TBase;
        if (s is >= 0 and < SCount && s % TCount == 0 && t is > 0 and < TCount)
        {
            composite = first + t;
            return true;
        }

        return data.Compositions.TryGetValue(NormalizationData.PairKey(first, second), out composite);
    }
}
