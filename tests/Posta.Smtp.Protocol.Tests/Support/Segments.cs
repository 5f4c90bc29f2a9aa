using System.Buffers;

namespace Posta.Smtp.Protocol.Tests.Support;

/// <summary>Multi-segment sequences, as bytes arrive from a socket.</summary>
internal static class Segments
{
    /// <summary>One segment per piece between <paramref name="cuts"/> (offsets; out-of-range ones are ignored).</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        var pieces = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        foreach (var cut in cuts.Where(c => c > 0 && c < data.Length).Distinct().Order())
        {
            pieces.Add(data.AsMemory(start, cut - start));
            start = cut;
        }

        pieces.Add(data.AsMemory(start));
        return Chain(pieces);
    }

    /// <summary>One byte per segment.</summary>
    public static ReadOnlySequence<byte> Bytewise(byte[] data) => Split(data, [.. Enumerable.Range(1, Math.Max(0, data.Length - 1))]);

    /// <summary>The sequences a test should try: whole, bytewise, cut once at every offset, and a few random multi-cuts.</summary>
    public static IEnumerable<ReadOnlySequence<byte>> AllSplits(byte[] data, int seed = 1)
    {
        yield return new ReadOnlySequence<byte>(data);
        yield return Bytewise(data);
        for (var cut = 1; cut < data.Length; cut++)
        {
            yield return Split(data, cut);
        }

        var random = new Random(seed);
        for (var i = 0; i < 8 && data.Length > 2; i++)
        {
            yield return Split(data, [.. Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.Next(1, data.Length))]);
        }
    }

    /// <summary>Chains memory blocks, including ones whose contents must never be read.</summary>
    public static ReadOnlySequence<byte> Chain(IReadOnlyList<ReadOnlyMemory<byte>> pieces)
    {
        var first = new Segment(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces.Skip(1))
        {
            last = last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
