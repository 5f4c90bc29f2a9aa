namespace Posta.Storage;

/// <summary>Helpers for UID range lists as IMAP clients send them: unordered and overlapping.</summary>
internal static class UidRanges
{
    /// <summary>Sorts and merges ranges so each UID is covered once and queries run in UID order.</summary>
    public static List<UidRange> Normalize(IReadOnlyList<UidRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = ranges.OrderBy(r => r.First).ToList();
        var merged = new List<UidRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && (ulong)merged[^1].Last + 1 >= range.First)
            {
                var last = merged[^1];
                merged[^1] = new UidRange(last.First, Math.Max(last.Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
