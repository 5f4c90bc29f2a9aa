namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A sequence-set of message sequence numbers or UIDs (RFC 9051 §9), or "$", the result saved by a
/// previous SEARCH (RFC 5182 SEARCHRES).
/// </summary>
/// <param name="Ranges">The ranges as written; empty when <paramref name="IsSavedResult"/>.</param>
/// <param name="IsSavedResult">The set is "$".</param>
public sealed record SequenceSet(IReadOnlyList<SequenceRange> Ranges, bool IsSavedResult = false)
{
    /// <summary>"$".</summary>
    public static SequenceSet SavedResult { get; } = new([], true);

    /// <summary>
    /// The set as ascending, merged, closed intervals once "*" is known to be <paramref name="largest"/>
    /// (0 when the mailbox is empty: then "*" matches nothing). Not valid for "$".
    /// </summary>
    public IReadOnlyList<(uint First, uint Last)> Resolve(uint largest)
    {
        if (IsSavedResult)
            throw new InvalidOperationException("\"$\" is resolved by the session from its saved search result.");
        var intervals = new List<(uint First, uint Last)>(Ranges.Count);
        foreach (var range in Ranges)
        {
            var first = range.First == SequenceRange.Star ? largest : range.First;
            var last = range.Last == SequenceRange.Star ? largest : range.Last;
            if (first > last)
                (first, last) = (last, first);
            if (last == 0)
                continue;
            intervals.Add((Math.Max(first, 1u), last));
        }

        intervals.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<(uint First, uint Last)>(intervals.Count);
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.First <= (ulong)merged[^1].Last + 1)
            {
                var previous = merged[^1];
                merged[^1] = (previous.First, Math.Max(previous.Last, interval.Last));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
