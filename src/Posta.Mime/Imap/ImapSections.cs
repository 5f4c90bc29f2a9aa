using Posta.Mime.Reading;

namespace Posta.Mime.Imap;

/// <summary>
/// Resolves section-specs against a parsed message (RFC 3501 §6.4.5): which bytes BODY[section] returns,
/// and which part BINARY[section] decodes. Results refer to the source by offset.
/// </summary>
public static class ImapSections
{
    private static readonly byte[] BlankLine = "\r\n"u8.ToArray();

    /// <summary>
    /// Finds the part a part number designates: the children of a multipart, the message inside a
    /// message/rfc822 part, and "1" for the body of a message that is not multipart. <see langword="null"/>
    /// when there is no such part.
    /// </summary>
    public static MimePart? FindPart(MimeMessage message, IReadOnlyList<int> part)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(part);
        MimePart? selected = null;
        foreach (var number in part)
        {
            MimePart container;
            if (selected is null)
                container = message.Root;
            else if (selected.Kind == MimePartKind.Message)
                container = selected.EncapsulatedMessage!;
            else if (selected.Kind == MimePartKind.Multipart)
                container = selected;
            else
                return null;

            if (container.Kind == MimePartKind.Multipart)
            {
                if (number > container.Children.Count)
                    return null;
                selected = container.Children[number - 1];
            }
            else if (container.IsMessageRoot && number == 1 && !ReferenceEquals(container, selected))
            {
                // A message that is not multipart has exactly one part: its own body.
                selected = container;
            }
            else
            {
                return null;
            }
        }

        return selected;
    }

    /// <summary>The bytes of BODY[section], or <see langword="null"/> when the section does not exist.</summary>
    public static SegmentedContent? GetContent(MimeMessage message, ImapSection section)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(section);
        var part = section.Part.Count == 0 ? null : FindPart(message, section.Part);
        if (section.Part.Count > 0 && part is null)
            return null;

        switch (section.Text)
        {
            case ImapSectionText.None:
                if (part is null)
                    return Range(message.Root.HeaderOffset, message.Length - message.Root.HeaderOffset);
                return Range(part.BodyOffset, part.BodyLength);

            case ImapSectionText.Mime:
                return Range(part!.HeaderOffset, part.HeaderLength);
        }

        // HEADER, HEADER.FIELDS[.NOT] and TEXT address a message: the top level or a message/rfc822 part's.
        MimePart target;
        if (part is null)
            target = message.Root;
        else if (part.Kind == MimePartKind.Message)
            target = part.EncapsulatedMessage!;
        else
            return null;

        return section.Text switch
        {
            ImapSectionText.Header => Range(target.HeaderOffset, target.HeaderLength),
            ImapSectionText.Text => Range(target.BodyOffset, target.BodyLength),
            _ => Fields(target, section.Fields, section.Text == ImapSectionText.HeaderFieldsNot),
        };
    }

    private static SegmentedContent Range(long offset, long length) => new([SourceSegment.FromSource(offset, length)]);

    // The matching fields, exactly as in the source, then the blank line RFC 3501 says ends them.
    private static SegmentedContent Fields(MimePart message, IReadOnlyList<string> names, bool exclude)
    {
        var segments = new List<SourceSegment>();
        foreach (var header in message.Headers)
        {
            var listed = names.Any(header.Is);
            if (listed != exclude)
                segments.Add(SourceSegment.FromSource(header.Offset, header.Length));
        }

        segments.Add(SourceSegment.FromBytes(BlankLine));
        return new SegmentedContent(segments);
    }
}
