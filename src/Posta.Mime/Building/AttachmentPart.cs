using System.Buffers;

namespace Posta.Mime.Building;

/// <summary>
/// Content carried byte for byte: a file attachment, or a structured body such as message/delivery-status.
/// 7bit when the bytes already are 7bit-safe, otherwise base64; the filename goes in RFC 2231 form when
/// it is not plain ASCII.
/// </summary>
public sealed class AttachmentPart : BodyPart
{
    /// <summary>Creates an attachment.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="mediaType">"type/subtype".</param>
    /// <param name="fileName">The filename, or <see langword="null"/> for none.</param>
    /// <param name="disposition">"attachment", "inline", or <see langword="null"/> for no Content-Disposition.</param>
    public AttachmentPart(ReadOnlyMemory<byte> content, string mediaType, string? fileName = null, string? disposition = "attachment")
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        if (mediaType.Count(c => c == '/') != 1)
            throw new ArgumentException("A media type is \"type/subtype\".", nameof(mediaType));
        Content = content;
        MediaType = mediaType;
        FileName = fileName;
        Disposition = disposition;
    }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <inheritdoc/>
    public override string MediaType { get; }

    /// <summary>The filename.</summary>
    public string? FileName { get; }

    /// <summary>The disposition type.</summary>
    public string? Disposition { get; }

    /// <summary>Further Content-Type parameters.</summary>
    public IList<KeyValuePair<string, string>> Parameters { get; } = [];

    internal override void WriteTo(ArrayBufferWriter<byte> output)
    {
        var parameters = Parameters.Select(p => (p.Key, p.Value)).ToList();
        if (FileName is not null)
            parameters.Add(("name", FileName));
        (string, string)[] dispositionParameters = FileName is null ? [] : [("filename", FileName)];
        var data = Content.Span;
        if (TransferEncoder.IsSevenBit(data))
        {
            WriteHeader(output, parameters, "7bit", Disposition, dispositionParameters);
            output.Write(data);
        }
        else
        {
            WriteHeader(output, parameters, "base64", Disposition, dispositionParameters);
            TransferEncoder.Base64(data, output);
        }
    }
}
