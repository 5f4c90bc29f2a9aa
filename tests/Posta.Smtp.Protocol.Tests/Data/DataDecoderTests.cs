using System.Buffers;
using System.Runtime.InteropServices;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Data;

public class DataDecoderTests
{
    // What the client sends after the data, which must stay unread.
    private const string After = "QUIT\r\n";

    public static TheoryData<string, string> Messages() => new()
    {
        // wire, content
        { ".\r\n", "" },
        { "Hello\r\n.\r\n", "Hello\r\n" },
        { "Subject: x\r\n\r\nline 1\r\nline 2\r\n.\r\n", "Subject: x\r\n\r\nline 1\r\nline 2\r\n" },
        { "..\r\n.\r\n", ".\r\n" },
        { "...\r\n.\r\n", "..\r\n" },
        { "..leading dot\r\n.\r\n", ".leading dot\r\n" },
        { ".x\r\n.\r\n", "x\r\n" },
        { "a.\r\n.b\r\n..\r\n.\r\n", "a.\r\nb\r\n.\r\n" },
        { "\r\n.\r\n", "\r\n" },
        { "a\r\n\r\n\r\n.\r\n", "a\r\n\r\n\r\n" },
        { "not the end: . \r\nnor .\r\n.\r\n", "not the end: . \r\nnor .\r\n" },
        { ". \r\n.\r\n", " \r\n" },
        { "日本語\r\n.\r\n", "日本語\r\n" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Content_is_unstuffed_and_ends_before_the_dot_line(string wire, string expected)
    {
        var input = Bytes.Of(wire + After);
        foreach (var sequence in Segments.AllSplits(input))
        {
            var (content, consumed, error) = Decode(new SmtpDataDecoder(), sequence);

            Assert.Equal(SmtpDataError.None, error);
            Assert.Equal(Bytes.Show(Bytes.Of(expected)), Bytes.Show(content));
            Assert.Equal(Bytes.Of(wire).Length, consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Content_arriving_in_separate_reads_decodes_the_same(string wire, string expected)
    {
        // A pipe hands the decoder what arrived since the last call: every byte before was consumed.
        var input = Bytes.Of(wire + After);
        for (var cut = 0; cut <= input.Length; cut++)
        {
            var decoder = new SmtpDataDecoder();
            var content = new List<byte>();
            var first = new SequenceReader<byte>(new ReadOnlySequence<byte>(input, 0, cut));
            var status = Drain(decoder, ref first, content);
            var consumed = first.Consumed;
            if (status != SmtpDataStatus.Completed)
            {
                Assert.Equal(cut, first.Consumed);
                var second = new SequenceReader<byte>(new ReadOnlySequence<byte>(input, cut, input.Length - cut));
                Assert.Equal(SmtpDataStatus.Completed, Drain(decoder, ref second, content));
                consumed += second.Consumed;
            }

            Assert.Equal(Bytes.Show(Bytes.Of(expected)), Bytes.Show(content.ToArray()));
            Assert.Equal(Bytes.Of(wire).Length, consumed);
        }
    }

    public static TheoryData<string, string, SmtpDataError> Smuggling() => new()
    {
        // https://www.postfix.org/smtp-smuggling.html: each fake end must be refused, never taken as the end.
        { "<LF>.<LF>", "\n.\n", SmtpDataError.BareLineFeed },
        { "<CR>.<CR>", "\r.\r", SmtpDataError.BareCarriageReturn },
        { "<CR><LF>.<LF>", "\r\n.\n", SmtpDataError.BareLineFeed },
        { "<LF>.<CR><LF>", "\n.\r\n", SmtpDataError.BareLineFeed },
        { "<CR><LF>.<CR>", "\r\n.\r", SmtpDataError.BareCarriageReturn },
        { "<CR>.<CR><LF>", "\r.\r\n", SmtpDataError.BareCarriageReturn },
        { "<LF>.<CR>", "\n.\r", SmtpDataError.BareLineFeed },
        { "<CR><LF>.<NUL><CR><LF>", "\r\n.\0\r\n", SmtpDataError.NulCharacter },
        { "<NUL>", "\0", SmtpDataError.NulCharacter },
        { "bare <LF>", "x\ny", SmtpDataError.BareLineFeed },
        { "bare <CR>", "x\ry", SmtpDataError.BareCarriageReturn },
        { "<CR><CR><LF>", "x\r\r\n", SmtpDataError.BareCarriageReturn },
    };

    [Theory]
    [MemberData(nameof(Smuggling))]
    public void Every_smuggling_variant_is_refused_and_the_real_end_is_found(string name, string fakeEnd, SmtpDataError error)
    {
        // The smuggled transaction follows the fake end; the real end comes after it.
        const string Before = "Subject: hello\r\n\r\nfirst message";
        const string Smuggled = "MAIL FROM:<admin@victim.example>\r\nRCPT TO:<target@victim.example>\r\nDATA\r\nFrom: admin@victim.example\r\n\r\nsmuggled\r\n";
        var wire = Before + fakeEnd + Smuggled + "\r\n.\r\n";
        var input = Bytes.Of(wire + After);
        foreach (var sequence in Segments.AllSplits(input).Where((_, i) => i % 5 == 0 || i < 3))
        {
            var decoder = new SmtpDataDecoder();

            var (content, consumed, found) = Decode(decoder, sequence);

            Assert.True(error == found, $"{name}: {found}");
            Assert.Equal(Bytes.Of(wire).Length, consumed);
            Assert.DoesNotContain("smuggled", Bytes.Show(content), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_lone_carriage_return_before_the_real_end_still_ends_the_data()
    {
        var input = Bytes.Of("x\r\r\n.\r\n" + After);

        var (_, consumed, error) = Decode(new SmtpDataDecoder(), new ReadOnlySequence<byte>(input));

        Assert.Equal(SmtpDataError.BareCarriageReturn, error);
        Assert.Equal(input.Length - After.Length, consumed);
    }

    [Fact]
    public void Nul_passes_when_allowed()
    {
        var (content, _, error) = Decode(new SmtpDataDecoder(rejectNul: false), new ReadOnlySequence<byte>(Bytes.Of("a\0b\r\n.\r\n")));

        Assert.Equal(SmtpDataError.None, error);
        Assert.Equal(Bytes.Of("a\0b\r\n"), content);
    }

    [Fact]
    public void The_size_limit_is_enforced_while_streaming_and_the_end_is_still_found()
    {
        var body = string.Concat(Enumerable.Repeat("0123456789\r\n", 100));
        var input = Bytes.Of(body + ".\r\n" + After);

        var exact = new SmtpDataDecoder(maxSize: body.Length);
        var (content, _, error) = Decode(exact, new ReadOnlySequence<byte>(input));
        Assert.Equal(SmtpDataError.None, error);
        Assert.Equal(body.Length, content.Length);
        Assert.Equal(body.Length, exact.Length);

        var small = new SmtpDataDecoder(maxSize: body.Length - 1);
        var (_, consumed, tooLarge) = Decode(small, Segments.Split(input, 100, 500, 1199));
        Assert.Equal(SmtpDataError.MessageTooLarge, tooLarge);
        Assert.Equal(input.Length - After.Length, consumed);
        Assert.True(small.Length < body.Length);
    }

    [Fact]
    public void Content_is_a_slice_of_the_input_not_a_copy()
    {
        var input = Bytes.Of(new string('x', 100_000) + "\r\n.\r\n");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));
        var decoder = new SmtpDataDecoder();

        Assert.Equal(SmtpDataStatus.Content, decoder.Read(ref reader, out var content));

        Assert.Equal(100_002, content.Length);
        Assert.True(MemoryMarshal.TryGetArray(content.First, out var segment));
        Assert.Same(input, segment.Array);
        Assert.Equal(SmtpDataStatus.Completed, decoder.Read(ref reader, out _));
        Assert.True(decoder.IsCompleted);
    }

    [Fact]
    public void An_unfinished_message_consumes_everything_and_asks_for_more()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of("line\r\n.")));
        var decoder = new SmtpDataDecoder();

        Assert.Equal(SmtpDataStatus.Content, decoder.Read(ref reader, out var content));
        Assert.Equal(Bytes.Of("line\r\n"), content.ToArray());
        Assert.Equal(SmtpDataStatus.NeedMoreData, decoder.Read(ref reader, out _));
        Assert.True(reader.End);
        Assert.False(decoder.IsCompleted);
    }

    [Fact]
    public void Reset_prepares_for_the_next_message()
    {
        var decoder = new SmtpDataDecoder();
        Decode(decoder, new ReadOnlySequence<byte>(Bytes.Of("a\nb\r\n.\r\n")));
        Assert.Equal(SmtpDataError.BareLineFeed, decoder.Error);

        decoder.Reset();
        var (content, _, error) = Decode(decoder, new ReadOnlySequence<byte>(Bytes.Of("ok\r\n.\r\n")));

        Assert.Equal(SmtpDataError.None, error);
        Assert.Equal(Bytes.Of("ok\r\n"), content);
    }

    [Fact]
    public void Random_splits_of_random_messages_decode_the_same()
    {
        var random = new Random(3030);
        var alphabet = Bytes.Of("ab.\r\n.\r\n..\r\n\0\r");
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var body = new byte[random.Next(0, 60)];
            for (var i = 0; i < body.Length; i++)
            {
                body[i] = alphabet[random.Next(alphabet.Length)];
            }

            byte[] input = [.. body, .. Bytes.Of("\r\n.\r\n")];
            var whole = Decode(new SmtpDataDecoder(), new ReadOnlySequence<byte>(input));
            var cut = random.Next(1, input.Length);
            var split = Decode(new SmtpDataDecoder(), Segments.Split(input, cut, random.Next(1, input.Length)));
            var bytewise = Decode(new SmtpDataDecoder(), Segments.Bytewise(input));

            Assert.Equal(whole.Content, split.Content);
            Assert.Equal(whole.Consumed, split.Consumed);
            Assert.Equal(whole.Error, split.Error);
            Assert.Equal(whole.Content, bytewise.Content);
            Assert.Equal(whole.Error, bytewise.Error);

            // Whatever the content, the data ends at the first CRLF "." CRLF (or at a leading ".\r\n").
            var text = "\r\n" + System.Text.Encoding.Latin1.GetString(input);
            Assert.Equal(text.IndexOf("\r\n.\r\n", StringComparison.Ordinal) + 3, whole.Consumed);
            if (whole.Error == SmtpDataError.None)
            {
                Assert.DoesNotContain((byte)0, whole.Content);
            }
        }
    }

    private static (byte[] Content, long Consumed, SmtpDataError Error) Decode(SmtpDataDecoder decoder, ReadOnlySequence<byte> input)
    {
        var reader = new SequenceReader<byte>(input);
        var content = new List<byte>();
        Assert.Equal(SmtpDataStatus.Completed, Drain(decoder, ref reader, content));
        return (content.ToArray(), reader.Consumed, decoder.Error);
    }

    private static SmtpDataStatus Drain(SmtpDataDecoder decoder, ref SequenceReader<byte> reader, List<byte> content)
    {
        while (true)
        {
            var status = decoder.Read(ref reader, out var chunk);
            if (status != SmtpDataStatus.Content)
            {
                Assert.True(chunk.IsEmpty);
                return status;
            }

            Assert.False(chunk.IsEmpty);
            content.AddRange(chunk.ToArray());
        }
    }
}
