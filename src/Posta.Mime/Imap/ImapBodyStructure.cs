using Posta.Mime.Headers;
using Posta.Mime.Reading;

namespace Posta.Mime.Imap;

/// <summary>
/// BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, RFC 9051 §7.5.2) of a message, in the form Dovecot writes
/// them so the two can be compared byte for byte: sizes count a bare LF as CRLF (the octets IMAP sends),
/// text parts without a charset get ("charset" "us-ascii"), message/rfc822 is written "message"
/// "rfc822" whatever its case in the source, RFC 2231 parameters are joined with "name*" and
/// "charset'language'%XX" values, the first occurrence of each Content-* field counts, and a
/// multipart with no body part holds one zero-length text/plain.
/// </summary>
public static class ImapBodyStructure
{
    private static readonly ImapString SevenBit = new("7bit");

    /// <summary>Builds BODYSTRUCTURE (<paramref name="extensible"/> true) or BODY (false) for a part.</summary>
    /// <param name="part">Usually <see cref="MimeMessage.Root"/>.</param>
    /// <param name="extensible">Include extension data (BODYSTRUCTURE).</param>
    /// <param name="messageGlobal">
    /// Treat message/global like message/rfc822 (RFC 9051's body-type-msg); leave false for IMAP4rev1
    /// sessions, whose grammar knows only MESSAGE/RFC822.
    /// </param>
    public static ImapList Build(MimePart part, bool extensible, bool messageGlobal = false)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Body(part, extensible, messageGlobal);
    }

    private static ImapList Body(MimePart part, bool extensible, bool messageGlobal)
    {
        var type = part.ContentType;
        var items = new List<ImapValue>();
        if (part.Kind == MimePartKind.Multipart)
        {
            if (part.Children.Count == 0)
                items.Add(EmptyPart(extensible));
            foreach (var child in part.Children)
                items.Add(Body(child, extensible, messageGlobal));
            items.Add(new ImapString(type.RawMediaSubtype));
            if (extensible)
            {
                items.Add(Parameters(type.Parameters, defaultCharset: false));
                AddCommonExtensions(items, part);
            }

            return new ImapList(items, leadingListsAdjacent: true);
        }

        var isText = type.MediaType == "text";
        var isMessage = type.MediaType == "message" && (type.MediaSubtype == "rfc822" || (messageGlobal && type.MediaSubtype == "global"));
        if (isMessage)
        {
            // body-type-msg spells the type out (RFC 3501 §9 media-message); Dovecot writes it in lower case.
            items.Add(new ImapString("message"));
            items.Add(new ImapString(type.MediaSubtype));
        }
        else
        {
            items.Add(new ImapString(type.RawMediaType));
            items.Add(new ImapString(type.RawMediaSubtype));
        }

        items.Add(Parameters(type.Parameters, defaultCharset: isText));
        items.Add(ImapEnvelope.NString(part.Headers["Content-ID"]));
        items.Add(ImapEnvelope.NString(part.Headers["Content-Description"]));
        items.Add(part.TransferEncodingName is { } encoding ? new ImapString(encoding) : SevenBit);
        items.Add(new ImapNumber(part.BodyVirtualLength));
        if (isText)
        {
            items.Add(new ImapNumber(part.BodyLineCount));
        }
        else if (isMessage)
        {
            if (part.EncapsulatedMessage is { } inner)
            {
                items.Add(ImapEnvelope.Build(inner));
                items.Add(Body(inner, extensible, messageGlobal));
            }
            else
            {
                // Not readable in place (encoded, or past the nesting limit): the grammar still wants both.
                items.Add(ImapEnvelope.Empty);
                items.Add(EmptyPart(extensible));
            }

            items.Add(new ImapNumber(part.BodyLineCount));
        }

        if (extensible)
        {
            items.Add(ImapEnvelope.NString(part.Headers["Content-MD5"]));
            AddCommonExtensions(items, part);
        }

        return new ImapList(items);
    }

    private static ImapList EmptyPart(bool extensible)
    {
        List<ImapValue> items =
        [
            new ImapString("text"), new ImapString("plain"), new ImapList([new ImapString("charset"), new ImapString("us-ascii")]),
            ImapNil.Instance, ImapNil.Instance, SevenBit, new ImapNumber(0), new ImapNumber(0),
        ];
        if (extensible)
            items.AddRange([ImapNil.Instance, ImapNil.Instance, ImapNil.Instance, ImapNil.Instance]);
        return new ImapList(items);
    }

    private static void AddCommonExtensions(List<ImapValue> items, MimePart part)
    {
        var disposition = part.ContentDisposition;
        items.Add(disposition is null || disposition.RawDisposition.Length == 0
            ? ImapNil.Instance
            : new ImapList([new ImapString(disposition.RawDisposition), Parameters(disposition.Parameters, defaultCharset: false)]));
        items.Add(Languages(part.Headers["Content-Language"]));
        items.Add(ImapEnvelope.NString(part.Headers["Content-Location"]));
    }

    private static ImapValue Parameters(IReadOnlyList<MimeParameter> parameters, bool defaultCharset)
    {
        if (parameters.Count == 0 && !defaultCharset)
            return ImapNil.Instance;
        var items = new List<ImapValue>(parameters.Count * 2 + 2);
        var sawCharset = false;
        foreach (var parameter in parameters)
        {
            sawCharset |= string.Equals(parameter.Name, "charset", StringComparison.OrdinalIgnoreCase);
            items.Add(new ImapString(parameter.WireName));
            items.Add(new ImapString(parameter.WireValue));
        }

        if (defaultCharset && !sawCharset)
        {
            items.Add(new ImapString("charset"));
            items.Add(new ImapString("us-ascii"));
        }

        return new ImapList(items);
    }

    // Content-Language: 1#Language-tag (RFC 3282), atoms separated by commas.
    private static ImapValue Languages(Header? header)
    {
        if (header is null)
            return ImapNil.Instance;
        var value = header.RawValue.Span;
        var tags = new List<ImapValue>();
        var i = 0;
        while (i < value.Length)
        {
            Lexer.SkipCfws(value, ref i);
            var start = i;
            while (i < value.Length && ByteClass.IsAtext(value[i]))
                i++;
            if (i == start)
                break;
            tags.Add(new ImapString(value[start..i].ToArray()));
            Lexer.SkipCfws(value, ref i);
            if (i >= value.Length || value[i] != ',')
                break;
            i++;
        }

        return tags.Count == 0 ? ImapNil.Instance : new ImapList(tags);
    }
}
