using System.Buffers;
using Posta.Mime.Encodings;

namespace Posta.Mime.Reading;

/// <summary>
/// Gets a part's content from the message source its offsets refer to: raw, transfer-decoded (what
/// IMAP BINARY returns) or as text.
/// </summary>
public static class MimeContent
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The part's body bytes exactly as in the source.</summary>
    public static ReadOnlySequence<byte> GetRawBody(MimePart part, ReadOnlySequence<byte> source)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Slice(source, part.BodyOffset, part.BodyLength);
    }

    /// <summary>True when the part's transfer encoding is one this library decodes (RFC 3516's UNKNOWN-CTE otherwise).</summary>
    public static bool CanDecode(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.TransferEncoding != ContentTransferEncoding.Unknown;
    }

    /// <summary>Writes the transfer-decoded body to <paramref name="output"/>.</summary>
    public static void DecodeBody(MimePart part, ReadOnlySequence<byte> source, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(output);
        var decoder = TransferDecoder.Create(part.TransferEncoding);
        foreach (var segment in GetRawBody(part, source))
            decoder.Decode(segment.Span, output);
        decoder.Flush(output);
    }

    /// <summary>The transfer-decoded body.</summary>
    public static byte[] DecodeBody(MimePart part, ReadOnlySequence<byte> source)
    {
        var output = new ArrayBufferWriter<byte>();
        DecodeBody(part, source, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Streams the transfer-decoded body from a seekable source to <paramref name="destination"/>.</summary>
    public static async Task DecodeBodyAsync(MimePart part, Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var decoder = TransferDecoder.Create(part.TransferEncoding);
        var input = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var output = new ArrayBufferWriter<byte>(ChunkSize);
        try
        {
            source.Seek(part.BodyOffset, SeekOrigin.Begin);
            var left = part.BodyLength;
            while (left > 0)
            {
                var read = await source.ReadAsync(input.AsMemory(0, (int)Math.Min(input.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                left -= read;
                decoder.Decode(input.AsSpan(0, read), output);
                await destination.WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
                output.ResetWrittenCount();
            }

            decoder.Flush(output);
            await destination.WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>
    /// The body as text: transfer-decoded, then read in the part's charset (UTF-8 or windows-1252 when
    /// missing or unknown, see <see cref="Charsets.Decode"/>).
    /// </summary>
    public static string GetText(MimePart part, ReadOnlySequence<byte> source)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Charsets.Decode(DecodeBody(part, source), part.ContentType.Charset);
    }

    internal static ReadOnlySequence<byte> Slice(ReadOnlySequence<byte> source, long offset, long length)
    {
        if (offset >= source.Length)
            return ReadOnlySequence<byte>.Empty;
        return source.Slice(offset, Math.Min(length, source.Length - offset));
    }
}
