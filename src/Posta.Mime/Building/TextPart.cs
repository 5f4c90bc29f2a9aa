using System.Buffers;
using System.Text;

namespace Posta.Mime.Building;

/// <summary>
/// Text (text/plain, text/html…): line breaks become CRLF; us-ascii when it is ASCII, else UTF-8;
/// 7bit when possible, else quoted-printable for mostly-ASCII text and base64 otherwise.
/// </summary>
public sealed class TextPart(string text, string subtype = "plain") : BodyPart
{
    /// <summary>The text.</summary>
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

    /// <inheritdoc/>
    public override string MediaType { get; } = "text/" + (subtype ?? throw new ArgumentNullException(nameof(subtype)));

    internal override void WriteTo(ArrayBufferWriter<byte> output)
    {
        var data = Encoding.UTF8.GetBytes(Text.ReplaceLineEndings("\r\n"));
        var charset = Ascii.IsValid(data) ? "us-ascii" : "utf-8";
        if (TransferEncoder.IsSevenBit(data))
        {
            WriteHeader(output, [("charset", charset)], "7bit");
            output.Write(data);
        }
        else if (TransferEncoder.PrefersQuotedPrintable(data))
        {
            WriteHeader(output, [("charset", charset)], "quoted-printable");
            TransferEncoder.QuotedPrintable(data, output);
        }
        else
        {
            WriteHeader(output, [("charset", charset)], "base64");
            TransferEncoder.Base64(data, output);
        }
    }
}
