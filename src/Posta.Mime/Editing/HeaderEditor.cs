using System.Text;
using Posta.Mime.Building;
using Posta.Mime.Headers;
using Posta.Mime.Reading;

namespace Posta.Mime.Editing;

/// <summary>
/// Edits a message's top-level header without rewriting anything else: fields can be added at the top
/// (trace fields, Authentication-Results) or at the end, and existing fields removed (Sieve editheader,
/// RFC 5293). <see cref="Build"/> returns the new message as ranges of the original source plus the new
/// bytes, so every byte not edited stays identical, DKIM signatures included.
/// </summary>
public sealed class HeaderEditor
{
    private static readonly System.Buffers.SearchValues<byte> FtextBytes =
        System.Buffers.SearchValues.Create(Enumerable.Range(33, 94).Where(c => c != ':').Select(c => (byte)c).ToArray());

    private readonly MimeMessage message;
    private readonly List<byte[]> prepended = [];
    private readonly List<byte[]> appended = [];
    private readonly HashSet<Header> removed = [];
    private readonly string newLine;

    /// <summary>Starts editing a message read with <see cref="MimeReader"/> (a headers-only read is enough).</summary>
    public HeaderEditor(MimeMessage message)
    {
        this.message = message ?? throw new ArgumentNullException(nameof(message));
        // New fields use the line ending the message already uses.
        var first = message.Headers.Count > 0 ? message.Headers[0].RawField.Span : default;
        newLine = message.Root.HeaderTerminatorLength == 1 || (first.Length > 0 && first[^1] == '\n' && (first.Length < 2 || first[^2] != '\r'))
            ? "\n"
            : "\r\n";
    }

    /// <summary>The original fields not removed, in order.</summary>
    public IReadOnlyList<Header> Headers => message.Headers.Where(h => !removed.Contains(h)).ToList();

    /// <summary>Adds a field above all others (where RFC 5321 §4.4 puts trace fields). Later calls go above earlier ones.</summary>
    public void Prepend(string name, string value) => prepended.Insert(0, Format(name, value));

    /// <summary>Adds a complete field, name to line ending, above all others, byte for byte.</summary>
    public void PrependRaw(ReadOnlySpan<byte> field) => prepended.Insert(0, CheckField(field));

    /// <summary>Adds a field after all others (Sieve "addheader :last").</summary>
    public void Append(string name, string value) => appended.Add(Format(name, value));

    /// <summary>Adds a complete field, name to line ending, after all others, byte for byte.</summary>
    public void AppendRaw(ReadOnlySpan<byte> field) => appended.Add(CheckField(field));

    /// <summary>Removes one original field.</summary>
    public bool Remove(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return message.Headers.Contains(header) && removed.Add(header);
    }

    /// <summary>Removes the original fields with this name (that also satisfy <paramref name="predicate"/>); returns how many.</summary>
    public int RemoveAll(string name, Func<Header, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var count = 0;
        foreach (var header in message.Headers.GetAll(name))
        {
            if ((predicate is null || predicate(header)) && removed.Add(header))
                count++;
        }

        return count;
    }

    /// <summary>The edited message, as source ranges and new bytes.</summary>
    /// <param name="sourceLength">
    /// The source's length; needed after <see cref="MimeReader.ReadHeaders(System.Buffers.ReadOnlySequence{byte}, MimeLimits?)"/>,
    /// which stops reading at the end of the header. Defaults to the length the reader saw.
    /// </param>
    public SegmentedContent Build(long? sourceLength = null)
    {
        var root = message.Root;
        var segments = new List<SourceSegment>();
        var position = 0L;

        void CopyTo(long end)
        {
            if (end > position)
                segments.Add(SourceSegment.FromSource(position, end - position));
            position = Math.Max(position, end);
        }

        // An mbox "From " line stays first.
        CopyTo(root.HeaderOffset);
        foreach (var field in prepended)
            segments.Add(SourceSegment.FromBytes(field));

        foreach (var header in message.Headers)
        {
            if (!removed.Contains(header))
                continue;
            CopyTo(header.Offset);
            position = header.Offset + header.Length;
        }

        if (appended.Count > 0)
        {
            CopyTo(root.BodyOffset - root.HeaderTerminatorLength);
            if (root.HeaderEndsMidLine)
                segments.Add(SourceSegment.FromBytes(Encoding.ASCII.GetBytes(newLine)));
            foreach (var field in appended)
                segments.Add(SourceSegment.FromBytes(field));
        }

        CopyTo(sourceLength ?? message.Length);
        return new SegmentedContent(segments);
    }

    private byte[] Format(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0 || !name.All(c => c < 0x80 && ByteClass.IsFtext((byte)c)))
            throw new ArgumentException("A field name is printable ASCII without ':' (RFC 5322 §3.6.8).", nameof(name));
        return Encoding.UTF8.GetBytes(HeaderFormatter.Unstructured(name, value, newLine));
    }

    private static byte[] CheckField(ReadOnlySpan<byte> field)
    {
        var colon = field.IndexOf((byte)':');
        if (colon <= 0 || field[^1] != '\n' || field[..colon].ContainsAnyExcept(FtextBytes))
            throw new ArgumentException("A raw field is \"Name: value\" and ends with a line break.", nameof(field));
        return field.ToArray();
    }
}
