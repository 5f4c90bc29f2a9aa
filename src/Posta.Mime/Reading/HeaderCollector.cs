using System.Buffers;
using Posta.Mime.Headers;

namespace Posta.Mime.Reading;

/// <summary>Accumulates the header fields of the part being read, within the configured limits.</summary>
internal sealed class HeaderCollector(MimeLimits limits)
{
    private readonly ArrayBufferWriter<byte> bytes = new(4096);
    private readonly List<Entry> fields = [];
    private bool storing;
    private int fieldStart;
    private int valueStart;
    private long fieldOffset;
    private long fieldLength;
    private string fieldName = string.Empty;
    private int seen;

    private readonly record struct Entry(string Name, int Start, int Stored, int ValueStart, long Offset, long Length);

    public bool InField { get; private set; }

    public MimeProblems Problems { get; private set; }

    public void Reset()
    {
        bytes.ResetWrittenCount();
        fields.Clear();
        InField = false;
        Problems = MimeProblems.None;
        seen = 0;
    }

    public void Begin(string name, int valueStart, long offset, in ReadOnlySequence<byte> content, bool hasLineFeed)
    {
        End();
        InField = true;
        fieldName = name;
        fieldOffset = offset;
        fieldLength = 0;
        this.valueStart = valueStart;
        fieldStart = bytes.WrittenCount;
        seen++;
        if (seen > limits.MaxHeaderCount)
        {
            storing = false;
            Problems |= MimeProblems.HeaderCountLimitExceeded;
        }
        else if (bytes.WrittenCount >= limits.MaxHeaderBlockSize)
        {
            storing = false;
            Problems |= MimeProblems.HeaderBlockLimitExceeded;
        }
        else
        {
            storing = true;
        }

        Append(content, hasLineFeed);
    }

    public void Append(in ReadOnlySequence<byte> content, bool hasLineFeed)
    {
        var length = content.Length + (hasLineFeed ? 1 : 0);
        fieldLength += length;
        if (!storing)
            return;
        var stored = bytes.WrittenCount - fieldStart;
        var room = Math.Min(limits.MaxHeaderFieldSize - stored, limits.MaxHeaderBlockSize - bytes.WrittenCount);
        if (room < length)
        {
            Problems |= stored + length > limits.MaxHeaderFieldSize ? MimeProblems.HeaderFieldTruncated : MimeProblems.HeaderBlockLimitExceeded;
        }

        if (room <= 0)
            return;
        var take = (int)Math.Min(room, content.Length);
        var span = bytes.GetSpan(take + 1);
        content.Slice(0, take).CopyTo(span);
        bytes.Advance(take);
        if (hasLineFeed && room > take)
        {
            bytes.GetSpan(1)[0] = (byte)'\n';
            bytes.Advance(1);
        }
    }

    public void End()
    {
        if (!InField)
            return;
        InField = false;
        if (storing)
            fields.Add(new Entry(fieldName, fieldStart, bytes.WrittenCount - fieldStart, valueStart, fieldOffset, fieldLength));
    }

    public HeaderList Build()
    {
        End();
        if (fields.Count == 0)
            return HeaderList.Empty;
        var block = bytes.WrittenSpan.ToArray();
        var headers = new Header[fields.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            var f = fields[i];
            headers[i] = new Header(f.Name, block.AsMemory(f.Start, f.Stored), f.ValueStart, f.Offset, f.Length);
        }

        return new HeaderList(headers);
    }
}
