using System.Buffers;

namespace Posta.Mime.Encodings;

/// <summary>
/// Incremental Content-Transfer-Encoding decoder: feed the encoded body in chunks of any size, then
/// call <see cref="Flush"/>. Decoders forgive garbage the way mail readers must.
/// </summary>
public abstract class TransferDecoder
{
    /// <summary>Decodes one chunk, writing whatever output is complete.</summary>
    public abstract void Decode(ReadOnlySpan<byte> input, IBufferWriter<byte> output);

    /// <summary>Writes what is still held back once the input has ended.</summary>
    public virtual void Flush(IBufferWriter<byte> output)
    {
    }

    /// <summary>Creates a decoder for an encoding; 7bit, 8bit, binary and unknown pass bytes through.</summary>
    public static TransferDecoder Create(ContentTransferEncoding encoding) => encoding switch
    {
        ContentTransferEncoding.Base64 => new Base64Decoder(),
        ContentTransferEncoding.QuotedPrintable => new QuotedPrintableDecoder(),
        ContentTransferEncoding.UUEncode => new UUDecoder(),
        _ => new IdentityDecoder(),
    };

    /// <summary>Decodes a whole encoded body at once.</summary>
    public static byte[] DecodeAll(ReadOnlySpan<byte> input, ContentTransferEncoding encoding)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(16, input.Length));
        var decoder = Create(encoding);
        decoder.Decode(input, output);
        decoder.Flush(output);
        return output.WrittenSpan.ToArray();
    }
}
