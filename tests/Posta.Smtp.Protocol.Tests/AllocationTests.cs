using System.Buffers;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests;

/// <summary>The hot paths allocate nothing per byte: what a session does per command and per message chunk.</summary>
public class AllocationTests
{
    [Fact]
    public void Commands_without_arguments_and_incomplete_lines_allocate_nothing()
    {
        var noop = new ReadOnlySequence<byte>(Bytes.Of("NOOP\r\nRSET\r\nDATA\r\nQUIT\r\n"));
        var partial = Segments.Split(Bytes.Of("MAIL FROM:<someone@example.com> SIZE=1000"), 10, 20);
        Run(noop, partial);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Run(noop, partial);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Decoding_message_content_allocates_nothing_per_byte()
    {
        var body = Bytes.Of(string.Concat(Enumerable.Repeat("A line of a message, with a .dot\r\n..stuffed line\r\n", 20_000)) + ".\r\n");
        var input = Segments.Split(body, [.. Enumerable.Range(1, 200).Select(i => i * 4096)]);
        Decode(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var length = Decode(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(20_000 * 49, length);
        Assert.True(allocated < 1024, $"{allocated} bytes allocated for {length} bytes of content");
    }

    [Fact]
    public void Writing_a_standard_reply_allocates_nothing()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        SmtpReplyWriter.Write(buffer, SmtpReplies.RecipientOk);
        SmtpReplyWriter.Write(buffer, SmtpReplies.Ok, enhancedStatusCodes: false);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            SmtpReplyWriter.Write(buffer, SmtpReplies.RecipientOk);
            SmtpReplyWriter.Write(buffer, SmtpReplies.Ok, enhancedStatusCodes: false);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Run(ReadOnlySequence<byte> complete, ReadOnlySequence<byte> partial)
    {
        var reader = new SequenceReader<byte>(complete);
        while (SmtpCommandParser.Default.TryParse(ref reader, out _) == OperationStatus.Done)
        {
        }

        var incomplete = new SequenceReader<byte>(partial);
        SmtpCommandParser.Default.TryParse(ref incomplete, out _);
    }

    private static long Decode(ReadOnlySequence<byte> input)
    {
        var decoder = new SmtpDataDecoder();
        var reader = new SequenceReader<byte>(input);
        long length = 0;
        while (decoder.Read(ref reader, out var chunk) == SmtpDataStatus.Content)
        {
            length += chunk.Length;
        }

        Assert.Equal(SmtpDataError.None, decoder.Error);
        return length;
    }
}
