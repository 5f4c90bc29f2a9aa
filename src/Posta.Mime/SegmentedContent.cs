using System.Buffers;

namespace Posta.Mime;

/// <summary>
/// Output assembled from ranges of a message source and literal bytes: an IMAP section, or a message
/// with edited headers. The unchanged bytes are never copied until written.
/// </summary>
public sealed class SegmentedContent
{
    private const int CopyBufferSize = 64 * 1024;

    /// <summary>Creates content from segments.</summary>
    public SegmentedContent(IReadOnlyList<SourceSegment> segments)
    {
        Segments = segments ?? throw new ArgumentNullException(nameof(segments));
        Length = segments.Sum(s => s.Length);
    }

    /// <summary>The segments in output order.</summary>
    public IReadOnlyList<SourceSegment> Segments { get; }

    /// <summary>Total length in bytes.</summary>
    public long Length { get; }

    /// <summary>The content from <paramref name="offset"/>, at most <paramref name="count"/> bytes (IMAP partial fetch).</summary>
    public SegmentedContent Slice(long offset, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<SourceSegment>();
        var position = 0L;
        foreach (var segment in Segments)
        {
            var start = Math.Max(offset, position);
            var end = Math.Min(offset + count, position + segment.Length);
            if (start < end)
            {
                var skip = start - position;
                var take = end - start;
                result.Add(segment.IsLiteral
                    ? SourceSegment.FromBytes(segment.Literal.Slice((int)skip, (int)take))
                    : SourceSegment.FromSource(segment.Offset + skip, take));
            }

            position += segment.Length;
        }

        return new SegmentedContent(result);
    }

    /// <summary>Writes the content, reading source ranges from <paramref name="source"/>.</summary>
    public void CopyTo(ReadOnlySequence<byte> source, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var segment in Segments)
        {
            if (segment.IsLiteral)
            {
                output.Write(segment.Literal.Span);
                continue;
            }

            foreach (var memory in Reading.MimeContent.Slice(source, segment.Offset, segment.Length))
                output.Write(memory.Span);
        }
    }

    /// <summary>The content as an array.</summary>
    public byte[] ToArray(ReadOnlySequence<byte> source)
    {
        var output = new ArrayBufferWriter<byte>((int)Math.Min(Length, int.MaxValue / 2) + 1);
        CopyTo(source, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Streams the content, reading source ranges from a seekable stream.</summary>
    public async Task CopyToAsync(Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            foreach (var segment in Segments)
            {
                if (segment.IsLiteral)
                {
                    await destination.WriteAsync(segment.Literal, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                source.Seek(segment.Offset, SeekOrigin.Begin);
                var left = segment.Length;
                while (left > 0)
                {
                    var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                        throw new EndOfStreamException("The source ended before a range the content refers to.");
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    left -= read;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
