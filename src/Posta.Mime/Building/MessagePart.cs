using System.Buffers;

namespace Posta.Mime.Building;

/// <summary>
/// An encapsulated message (message/rfc822), as a bounce or a forward carries it. RFC 2046 §5.2.1 allows
/// only 7bit, 8bit and binary here: a message with 8-bit octets is labelled 8bit and needs an 8BITMIME
/// path (or attach it as application/octet-stream with <see cref="AttachmentPart"/>, or only its header
/// as text/rfc822-headers).
/// </summary>
public sealed class MessagePart(ReadOnlyMemory<byte> message) : BodyPart
{
    /// <summary>The message's bytes.</summary>
    public ReadOnlyMemory<byte> Message { get; } = message;

    /// <inheritdoc/>
    public override string MediaType => "message/rfc822";

    internal override void WriteTo(ArrayBufferWriter<byte> output)
    {
        var data = Message.Span;
        var encoding = TransferEncoder.IsSevenBit(data) ? "7bit" : data.IndexOf((byte)0) >= 0 ? "binary" : "8bit";
        WriteHeader(output, [], encoding);
        output.Write(data);
    }
}
