using System.Buffers;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>Finds the end of a line without looking further than the line limit.</summary>
internal static class LineFraming
{
    public enum Status
    {
        Found,
        NeedMoreData,
        TooLong,
    }

    /// <summary>
    /// Looks for LF within the first <paramref name="limit"/> unread bytes. <paramref name="length"/>
    /// is the line's length including the LF. Consumes nothing.
    /// </summary>
    public static Status Find(ref SequenceReader<byte> reader, int limit, out int length)
    {
        length = 0;
        var span = reader.UnreadSpan;
        var lineFeed = span[..Math.Min(span.Length, limit)].IndexOf((byte)'\n');
        if (lineFeed >= 0)
        {
            length = lineFeed + 1;
            return Status.Found;
        }

        if (span.Length >= limit)
        {
            return Status.TooLong;
        }

        var unread = reader.UnreadSequence;
        var window = unread.Slice(0, Math.Min(unread.Length, limit));
        var position = window.PositionOf((byte)'\n');
        if (position is null)
        {
            return window.Length >= limit ? Status.TooLong : Status.NeedMoreData;
        }

        length = (int)window.Slice(0, position.Value).Length + 1;
        return Status.Found;
    }

    /// <summary>
    /// The first <paramref name="length"/> unread bytes as one span: the reader's own memory when
    /// they lie in one segment, otherwise a copy in a buffer rented from the shared pool (returned
    /// in <paramref name="rented"/>, for the caller to give back).
    /// </summary>
    public static ReadOnlySpan<byte> Contiguous(ref SequenceReader<byte> reader, int length, out byte[]? rented)
    {
        rented = null;
        if (reader.UnreadSpan.Length >= length)
        {
            return reader.UnreadSpan[..length];
        }

        rented = ArrayPool<byte>.Shared.Rent(length);
        var copy = rented.AsSpan(0, length);
        reader.TryCopyTo(copy);
        return copy;
    }
}
