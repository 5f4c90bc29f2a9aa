using System.Buffers;

namespace Posta.Mime.Reading;

/// <summary>Reads a message's part tree from bytes in memory or from a stream, never holding a whole streamed message.</summary>
public static class MimeReader
{
    // Room for several fragments per read; the parser leaves less than one fragment unread.
    private const int BufferSize = 64 * 1024;

    /// <summary>Reads a message held in memory.</summary>
    public static MimeMessage Read(ReadOnlySequence<byte> message, MimeLimits? limits = null) => Run(message, new MimeParser(limits));

    /// <summary>Reads a message held in memory.</summary>
    public static MimeMessage Read(ReadOnlyMemory<byte> message, MimeLimits? limits = null) => Read(new ReadOnlySequence<byte>(message), limits);

    /// <summary>Reads a message from a stream to its end.</summary>
    public static MimeMessage Read(Stream stream, MimeLimits? limits = null) => Run(stream, new MimeParser(limits));

    /// <summary>Reads a message from a stream to its end.</summary>
    public static ValueTask<MimeMessage> ReadAsync(Stream stream, MimeLimits? limits = null, CancellationToken cancellationToken = default) =>
        RunAsync(stream, new MimeParser(limits), cancellationToken);

    /// <summary>Reads only the top-level header block (for header editing); the root's body is reported empty.</summary>
    public static MimeMessage ReadHeaders(ReadOnlySequence<byte> message, MimeLimits? limits = null) => Run(message, new MimeParser(limits, headersOnly: true));

    /// <summary>Reads only the top-level header block, stopping the stream there.</summary>
    public static ValueTask<MimeMessage> ReadHeadersAsync(Stream stream, MimeLimits? limits = null, CancellationToken cancellationToken = default) =>
        RunAsync(stream, new MimeParser(limits, headersOnly: true), cancellationToken);

    private static MimeMessage Run(ReadOnlySequence<byte> message, MimeParser parser)
    {
        var reader = new SequenceReader<byte>(message);
        parser.Parse(ref reader, isFinalBlock: true);
        return parser.Complete();
    }

    private static MimeMessage Run(Stream stream, MimeParser parser)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            while (!parser.IsStopped)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled = Feed(parser, buffer, filled, read);
                if (read == 0)
                    break;
            }

            return parser.Complete();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<MimeMessage> RunAsync(Stream stream, MimeParser parser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            while (!parser.IsStopped)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled = Feed(parser, buffer, filled, read);
                if (read == 0)
                    break;
            }

            return parser.Complete();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Parses what the buffer holds and moves the unread rest to its start; returns the bytes kept.
    private static int Feed(MimeParser parser, byte[] buffer, int filled, int read)
    {
        var total = filled + read;
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(buffer, 0, total));
        parser.Parse(ref reader, isFinalBlock: read == 0);
        var consumed = (int)reader.Consumed;
        var left = total - consumed;
        if (left > 0 && consumed > 0)
            Buffer.BlockCopy(buffer, consumed, buffer, 0, left);
        return left;
    }
}
