namespace Posta.Sasl.Preparation;

/// <summary>A set of code points given as inclusive ranges, searched by bisection.</summary>
internal sealed class CodePointSet
{
    private readonly (int First, int Last)[] _ranges;

    /// <param name="ranges">Inclusive (first, last) pairs; a single code point is (c, c).</param>
    public CodePointSet(params (int First, int Last)[] ranges)
    {
        _ranges = [.. ranges.OrderBy(r => r.First)];
        for (var i = 0; i < _ranges.Length; i++)
        {
            if (_ranges[i].First > _ranges[i].Last || (i > 0 && _ranges[i].First <= _ranges[i - 1].Last))
            {
                throw new ArgumentException($"range {i} is reversed or overlaps the one before it", nameof(ranges));
            }
        }
    }

    public bool Contains(int code)
    {
        var low = 0;
        var high = _ranges.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (code < _ranges[mid].First)
            {
                high = mid - 1;
            }
            else if (code > _ranges[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
