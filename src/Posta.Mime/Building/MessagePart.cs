using System.Buffers;

namespace Posta.Mime.Building;

/// <summary>
/// An encapsulated message (message/rfc822), as a bounce or a forward carries it, or another message/*
/// body written byte for byte (message/global, message/global-headers, message/delivery-status…).
/// RFC 2046 §5.2.1 allows only 7bit, 8bit and binary for message/rfc822, and RFC 3464 §6.1 asks 7bit of
/// message/delivery-status: the label is chosen from the bytes, and a body with 8-bit octets needs an
/// 8BITMIME path (or attach it as application/octet-stream with <see cref="AttachmentPart"/>, or only
/// its header as text/rfc822-headers).
/// </summary>
/// <param name="message">The body's bytes, CRLF line endings.</param>
/// <param name="mediaType">A message/* media type; message/rfc822 when not given.</param>
public sealed class MessagePart(ReadOnlyMemory<byte> message, string mediaType = "message/rfc822") : BodyPart
{
    /// <summary>The message's bytes.</summary>
    public ReadOnlyMemory<byte> Message { get; } = message;

    /// <inheritdoc/>
    public override string MediaType { get; } = IsMessageType(mediaType)
        ? mediaType
        : throw new ArgumentException("A message part's media type is \"message/subtype\".", nameof(mediaType));

    internal override void WriteTo(ArrayBufferWriter<byte> output)
    {
        var data = Message.Span;
        var encoding = TransferEncoder.IsSevenBit(data) ? "7bit" : data.IndexOf((byte)0) >= 0 ? "binary" : "8bit";
        WriteHeader(output, [], encoding);
        output.Write(data);
    }

    private static bool IsMessageType(string? mediaType) =>
        mediaType is not null && mediaType.StartsWith("message/", StringComparison.OrdinalIgnoreCase) && mediaType.Length > "message/".Length
        && mediaType.Count(c => c == '/') == 1 && !mediaType.Any(c => c <= ' ' || c >= 0x7F || c is ';' or '"');
}
