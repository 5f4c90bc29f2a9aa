using System.Buffers;
using Posta.Mime.Reading;

namespace Posta.Mime.Imap;

/// <summary>
/// The decoded text IMAP SEARCH matches against (RFC 9051 §6.4.4): header values with encoded words
/// decoded, and the bodies of text parts transfer- and charset-decoded. Parts in other media types
/// are not text and yield nothing.
/// </summary>
public static class ImapSearchText
{
    /// <summary>The decoded values of the fields called <paramref name="name"/> in a message's top-level header (SEARCH HEADER, FROM, SUBJECT…).</summary>
    public static IEnumerable<string> HeaderValues(MimeMessage message, string name)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(name);
        return message.Headers.GetAll(name).Select(h => h.Value);
    }

    /// <summary>Every decoded header line, "Name: value", of the top-level header (part of SEARCH TEXT).</summary>
    public static IEnumerable<string> HeaderLines(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Headers.Select(h => h.Name + ": " + h.Value);
    }

    /// <summary>
    /// The decoded text of every text/* leaf, in document order, encapsulated messages included, plus the
    /// decoded header lines of encapsulated messages (SEARCH BODY; with <see cref="HeaderLines"/>, SEARCH TEXT).
    /// </summary>
    public static IEnumerable<string> BodyTexts(MimeMessage message, ReadOnlySequence<byte> source)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var part in message.EnumerateParts())
        {
            if (part != message.Root && part.IsMessageRoot)
            {
                foreach (var header in part.Headers)
                    yield return header.Name + ": " + header.Value;
            }

            if (part.Kind == MimePartKind.Leaf && part.ContentType.MediaType == "text")
                yield return MimeContent.GetText(part, source);
        }
    }
}
