using System.Buffers;

namespace Posta.Mime.Tests.Reading;

/// <summary>Builds multi-segment sequences, as a PipeReader hands them over.</summary>
internal sealed class Chunks : ReadOnlySequenceSegment<byte>
{
    private Chunks(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] data, IEnumerable<int> sizes)
    {
        Chunks? first = null;
        Chunks? last = null;
        var offset = 0;
        using var sizesEnumerator = sizes.GetEnumerator();
        while (offset < data.Length)
        {
            var size = sizesEnumerator.MoveNext() ? Math.Max(1, sizesEnumerator.Current) : data.Length - offset;
            size = Math.Min(size, data.Length - offset);
            var segment = new Chunks(data.AsMemory(offset, size), offset);
            if (first is null)
                first = segment;
            else
                last!.Next = segment;
            last = segment;
            offset += size;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }
}
