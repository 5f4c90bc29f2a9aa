using Posta.Mime.Headers;

namespace Posta.Mime.Reading;

/// <summary>The result of reading a message: its part tree and what the reader noticed.</summary>
public sealed class MimeMessage
{
    internal MimeMessage(MimePart root, long length, int partCount, MimeProblems problems, bool hasMboxFromLine)
    {
        Root = root;
        Length = length;
        PartCount = partCount;
        Problems = problems;
        HasMboxFromLine = hasMboxFromLine;
    }

    /// <summary>The top-level part: the message's own header and body.</summary>
    public MimePart Root { get; }

    /// <summary>The message's top-level header fields.</summary>
    public HeaderList Headers => Root.Headers;

    /// <summary>Bytes read.</summary>
    public long Length { get; }

    /// <summary>Parts in the tree, the top level included.</summary>
    public int PartCount { get; }

    /// <summary>Every irregularity met, in any part.</summary>
    public MimeProblems Problems { get; }

    /// <summary>True when the input started with an mbox "From " line, which is skipped (the root starts after it).</summary>
    public bool HasMboxFromLine { get; }

    /// <summary>Every part in document order (pre-order), encapsulated messages included.</summary>
    public IEnumerable<MimePart> EnumerateParts()
    {
        var pending = new Stack<MimePart>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            yield return part;
            if (part.EncapsulatedMessage is { } inner)
                pending.Push(inner);
            for (var i = part.Children.Count - 1; i >= 0; i--)
                pending.Push(part.Children[i]);
        }
    }
}
