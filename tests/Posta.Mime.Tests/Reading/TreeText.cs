using System.Globalization;
using System.Text;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Reading;

/// <summary>A canonical text of everything the reader recorded, for comparing two reads of the same bytes.</summary>
internal static class TreeText
{
    public static string Describe(MimeMessage message)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"length={message.Length} parts={message.PartCount} problems={message.Problems} mbox={message.HasMboxFromLine}\n");
        foreach (var part in message.EnumerateParts())
        {
            text.Append(' ', part.Depth * 2).Append(CultureInfo.InvariantCulture,
                $"{part.Kind} {part.ContentType.MimeType} h={part.HeaderOffset}+{part.HeaderLength} b={part.BodyOffset}+{part.BodyLength} lines={part.BodyLineCount} v={part.BodyVirtualLength} cte={part.TransferEncoding} problems={part.Problems}\n");
            foreach (var header in part.Headers)
            {
                text.Append(' ', part.Depth * 2 + 2).Append(CultureInfo.InvariantCulture, $"{header.Name}@{header.Offset}+{header.Length} {Convert.ToHexString(header.RawField.Span)}\n");
            }
        }

        return text.ToString();
    }
}
