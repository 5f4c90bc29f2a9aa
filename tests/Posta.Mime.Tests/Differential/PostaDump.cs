using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Posta.Mime.Addresses;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Differential;

/// <summary>Describes Posta's reading of a message in the shape email_dump.py uses for Python's.</summary>
internal static class PostaDump
{
    public static JsonObject Dump(byte[] bytes)
    {
        var message = MimeReader.Read(bytes);
        return Node(message.Root, new ReadOnlySequence<byte>(bytes));
    }

    private static JsonObject Node(MimePart part, ReadOnlySequence<byte> source)
    {
        var node = new JsonObject
        {
            ["type"] = part.ContentType.MimeType,
            ["filename"] = part.FileName,
            ["subject"] = part.Headers["Subject"]?.Value,
            ["from"] = Addresses(part, "From"),
            ["to"] = Addresses(part, "To"),
            ["cc"] = Addresses(part, "Cc"),
        };
        if (part.Kind == MimePartKind.Multipart)
        {
            node["children"] = new JsonArray(part.Children.Select(child => (JsonNode)Node(child, source)).ToArray());
        }
        else if (part.Kind == MimePartKind.Message)
        {
            node["children"] = new JsonArray(Node(part.EncapsulatedMessage!, source));
        }
        else
        {
            node["body"] = Digest(MimeContent.DecodeBody(part, source));
            if (part.ContentType.MediaType == "text")
                node["text"] = Digest(Encoding.UTF8.GetBytes(MimeContent.GetText(part, source)));
        }

        return node;
    }

    private static JsonArray? Addresses(MimePart part, string name)
    {
        var header = part.Headers[name];
        if (header is null)
            return null;
        var list = AddressParser.Mailboxes(AddressParser.Parse(header.RawValue.Span));
        return new JsonArray(list.Select(m => (JsonNode)new JsonArray(m.DisplayName, m.LocalPart, m.Domain)).ToArray());
    }

    private static JsonObject Digest(byte[] data) => new()
    {
        ["len"] = data.Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(data)),
    };
}
