using System.Buffers;
using System.Text;
using Posta.Mime.Encodings;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Reading;

public class ReaderTests
{
    private static readonly byte[] Multipart = TestMessages.Crlf(
        "From: a@example.com\n" +
        "Subject: test\n" +
        "Content-Type: multipart/mixed; boundary=\"b\"\n" +
        "\n" +
        "preamble\n" +
        "--b\n" +
        "Content-Type: text/plain; charset=utf-8\n" +
        "\n" +
        "line 1\n" +
        "line 2\n" +
        "--b\n" +
        "Content-Type: application/octet-stream\n" +
        "Content-Transfer-Encoding: base64\n" +
        "\n" +
        "AAEC\n" +
        "--b--\n" +
        "epilogue\n");

    [Fact]
    public void Records_offsets_lengths_and_line_counts()
    {
        var message = MimeReader.Read(Multipart);
        var root = message.Root;
        Assert.Equal(MimePartKind.Multipart, root.Kind);
        Assert.Equal(0, root.HeaderOffset);
        Assert.Equal(Find("preamble"), root.BodyOffset);
        Assert.Equal(Multipart.Length - root.BodyOffset, root.BodyLength);
        Assert.Equal(2, root.Children.Count);

        var text = root.Children[0];
        Assert.Equal(Find("Content-Type: text/plain"), text.HeaderOffset);
        Assert.Equal(Find("line 1"), text.BodyOffset);
        Assert.Equal("line 1\r\nline 2".Length, text.BodyLength);
        Assert.Equal(1, text.BodyLineCount);
        Assert.Equal("utf-8", text.ContentType.Charset);

        var binary = root.Children[1];
        Assert.Equal(ContentTransferEncoding.Base64, binary.TransferEncoding);
        Assert.Equal([0, 1, 2], MimeContent.DecodeBody(binary, new ReadOnlySequence<byte>(Multipart)));
        Assert.Equal(MimeProblems.None, message.Problems);
        Assert.Equal(Multipart.Length, message.Length);
    }

    [Fact]
    public void Raw_header_bytes_are_kept_exactly()
    {
        var source = TestMessages.Crlf("Subject: folded\n\tline  \nX-Empty:\nTo : spaced@example.com\n\nbody");
        var message = MimeReader.Read(source);
        Assert.Equal(3, message.Headers.Count);
        Assert.Equal("Subject: folded\r\n\tline  \r\n", Encoding.ASCII.GetString(message.Headers[0].RawField.Span));
        Assert.Equal("folded\tline", message.Headers[0].Value);
        Assert.Equal(" folded\r\n\tline  ", Encoding.ASCII.GetString(message.Headers[0].RawValue.Span));
        Assert.Equal("folded\tline  ", Encoding.ASCII.GetString(message.Headers[0].GetUnfoldedValue()));
        Assert.Equal("", message.Headers["x-empty"]!.Value);
        Assert.Equal("To", message.Headers[2].Name);
        Assert.Equal("spaced@example.com", message.Headers["TO"]!.Value);
        foreach (var header in message.Headers)
            Assert.Equal(source.AsSpan((int)header.Offset, (int)header.Length).ToArray(), header.RawField.ToArray());
    }

    [Fact]
    public void Every_split_of_the_input_reads_the_same()
    {
        foreach (var source in SampleMessages())
        {
            var expected = TreeText.Describe(MimeReader.Read(source));
            foreach (var size in new[] { 1, 2, 3, 7, 64, 1000 })
            {
                var sequence = Chunks.Split(source, Enumerable.Repeat(size, source.Length));
                Assert.Equal(expected, TreeText.Describe(MimeReader.Read(sequence)));
            }

            var random = new Random(source.Length);
            for (var round = 0; round < 5; round++)
            {
                var sequence = Chunks.Split(source, Enumerable.Range(0, source.Length).Select(_ => random.Next(1, 40)));
                Assert.Equal(expected, TreeText.Describe(MimeReader.Read(sequence)));
            }
        }
    }

    [Fact]
    public void Incremental_blocks_read_the_same_as_one_block()
    {
        foreach (var source in SampleMessages())
        {
            var expected = TreeText.Describe(MimeReader.Read(source));
            foreach (var size in new[] { 1, 5, 100 })
            {
                // Feed growing prefixes the way a PipeReader does: unconsumed bytes come back with more.
                var parser = new MimeParser();
                var consumed = 0L;
                var available = 0;
                while (true)
                {
                    available = Math.Min(source.Length, available + size);
                    var final = available == source.Length;
                    var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(source, (int)consumed, available - (int)consumed));
                    parser.Parse(ref reader, final);
                    consumed += reader.Consumed;
                    if (final)
                        break;
                }

                Assert.Equal(expected, TreeText.Describe(parser.Complete()));
            }
        }
    }

    [Fact]
    public void Every_prefix_reads_without_error_and_stays_in_bounds()
    {
        foreach (var source in SampleMessages().Take(3))
        {
            for (var length = 0; length <= source.Length; length++)
            {
                var message = MimeReader.Read(source.AsMemory(0, length));
                Assert.Equal(length, message.Length);
                foreach (var part in message.EnumerateParts())
                {
                    Assert.InRange(part.HeaderOffset, 0, length);
                    Assert.InRange(part.EndOffset, part.BodyOffset, length);
                }
            }
        }
    }

    [Fact]
    public async Task Streams_read_the_same_as_memory_even_with_lines_longer_than_a_fragment()
    {
        var big = new StringBuilder("Subject: big\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\n");
        big.Append('x', 100_000).Append('\n');
        for (var i = 0; i < 3000; i++)
            big.Append("line ").Append(i).Append('\n');
        big.Append("--zz\nContent-Type: text/plain\n\n").Append('y', 20_000).Append("\n--zz--\n");
        foreach (var source in SampleMessages().Append(TestMessages.Crlf(big.ToString())))
        {
            var expected = TreeText.Describe(MimeReader.Read(source));
            Assert.Equal(expected, TreeText.Describe(MimeReader.Read(new MemoryStream(source))));
            Assert.Equal(expected, TreeText.Describe(await MimeReader.ReadAsync(new MemoryStream(source))));
        }
    }

    [Fact]
    public void Long_lines_are_flagged_and_still_split_correctly()
    {
        var source = TestMessages.Crlf("Content-Type: multipart/mixed; boundary=q\n\n--q\n\n" + new string('a', 50_000) + "\n--q--\n");
        var message = MimeReader.Read(source);
        Assert.True(message.Problems.HasFlag(MimeProblems.LongLine));
        Assert.Equal(50_000, message.Root.Children[0].BodyLength);
    }

    [Fact]
    public void Mbox_from_line_is_skipped()
    {
        var message = MimeReader.Read(TestMessages.Lf("From someone@example.com Thu Jul 31 13:49:50 2008\nSubject: x\n\nbody\n"));
        Assert.True(message.HasMboxFromLine);
        Assert.Equal("x", message.Headers["Subject"]!.Value);
        Assert.Equal("From someone@example.com Thu Jul 31 13:49:50 2008\n".Length, message.Root.HeaderOffset);
    }

    [Fact]
    public void Header_without_blank_line_before_body()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Subject: x\nthis is body\nmore\n"));
        Assert.True(message.Problems.HasFlag(MimeProblems.MissingHeaderBodySeparator));
        Assert.Single(message.Headers);
        Assert.Equal("this is body\r\nmore\r\n", Encoding.ASCII.GetString(MimeContent.DecodeBody(message.Root, new ReadOnlySequence<byte>(TestMessages.Crlf("Subject: x\nthis is body\nmore\n")))));
    }

    [Fact]
    public void Orphan_continuation_line_is_skipped()
    {
        var message = MimeReader.Read(TestMessages.Crlf(" orphan\nSubject: x\n\nbody"));
        Assert.True(message.Problems.HasFlag(MimeProblems.OrphanContinuationLine));
        Assert.Equal("x", message.Headers["Subject"]!.Value);
    }

    [Fact]
    public void Missing_end_boundaries_close_at_end_of_input()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/alternative; boundary=b\n\n--b\n\ntext\n--a\n\nsecond"));
        Assert.True(message.Problems.HasFlag(MimeProblems.MissingEndBoundary));
        Assert.Equal(2, message.Root.Children.Count);
        Assert.Single(message.Root.Children[0].Children);
        Assert.True(message.Root.Children[0].Problems.HasFlag(MimeProblems.MissingEndBoundary));
    }

    [Fact]
    public void Boundary_prefix_of_another_pairs_with_the_longest_match()
    {
        var message = MimeReader.Read(TestMessages.Crlf(
            "Content-Type: multipart/mixed; boundary=abc\n\n--abc\nContent-Type: multipart/alternative; boundary=abcdef\n\n--abcdef\n\none\n--abcdef--\n--abc\n\ntwo\n--abc--\n"));
        Assert.Equal(2, message.Root.Children.Count);
        Assert.Single(message.Root.Children[0].Children);
        Assert.Equal(MimeProblems.None, message.Problems);
    }

    [Fact]
    public void Digest_parts_default_to_message_rfc822()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inner\n\nbody\n--d--\n"));
        var part = message.Root.Children[0];
        Assert.Equal("message/rfc822", part.ContentType.MimeType);
        Assert.Equal("inner", part.EncapsulatedMessage!.Headers["Subject"]!.Value);
    }

    [Fact]
    public void Nesting_limit_makes_deeper_structure_opaque()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
            text.Append("Content-Type: multipart/mixed; boundary=l").Append(i).Append("x\n\n--l").Append(i).Append("x\n");
        text.Append("\ninner\n");
        var message = MimeReader.Read(TestMessages.Crlf(text.ToString()), new MimeLimits { MaxNestingDepth = 4 });
        Assert.True(message.Problems.HasFlag(MimeProblems.NestingLimitExceeded));
        Assert.Equal(4, message.EnumerateParts().Max(p => p.Depth));
        Assert.Equal(5, message.PartCount);
    }

    [Fact]
    public void Part_limit_stops_splitting()
    {
        var text = new StringBuilder("Content-Type: multipart/mixed; boundary=p\n\n");
        for (var i = 0; i < 50; i++)
            text.Append("--p\n\npart ").Append(i).Append('\n');
        text.Append("--p--\n");
        var message = MimeReader.Read(TestMessages.Crlf(text.ToString()), new MimeLimits { MaxParts = 10 });
        Assert.True(message.Problems.HasFlag(MimeProblems.PartLimitExceeded));
        Assert.Equal(10, message.PartCount);
        Assert.Equal(9, message.Root.Children.Count);
    }

    [Fact]
    public void Header_limits_keep_offsets_exact()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20; i++)
            text.Append("X-").Append(i).Append(": ").Append('v', 100).Append('\n');
        text.Append("Subject: last\n\nbody\n");
        var source = TestMessages.Crlf(text.ToString());
        var message = MimeReader.Read(source, new MimeLimits { MaxHeaderCount = 5, MaxHeaderFieldSize = 80, MaxHeaderBlockSize = 300 });
        Assert.True(message.Problems.HasFlag(MimeProblems.HeaderCountLimitExceeded));
        Assert.True(message.Problems.HasFlag(MimeProblems.HeaderFieldTruncated));
        Assert.True(message.Headers.Count <= 5);
        Assert.All(message.Headers, h => Assert.True(h.IsTruncated));
        Assert.Equal(source.Length - 6, message.Root.BodyOffset);
        Assert.Null(message.Headers["Subject"]);
    }

    [Fact]
    public void Headers_only_read_stops_after_the_header()
    {
        var message = MimeReader.ReadHeaders(new ReadOnlySequence<byte>(Multipart));
        Assert.Equal(3, message.Headers.Count);
        Assert.Equal(Find("preamble"), message.Length);
    }

    [Fact]
    public void Invalid_limits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MimeParser(new MimeLimits { MaxParts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MimeLimits { MaxHeaderBlockSize = 10 }.Validate());
    }

    private static long Find(string text) => Encoding.ASCII.GetString(Multipart).IndexOf(text, StringComparison.Ordinal);

    internal static IEnumerable<byte[]> SampleMessages()
    {
        yield return Multipart;
        yield return TestMessages.File("posta/bodystructure-fields.eml");
        yield return TestMessages.Lf("From x Mon Jan  1 00:00:00 2024\nSubject: mbox\n orphan? no, folded\n\nbody\r\nwith mixed\rendings\n");
        yield return TestMessages.Crlf("Content-Type: message/rfc822\n\nContent-Type: multipart/mixed; boundary=\"x y\"\n\n--x y\n\n--x y\n--x y--\n");
        TestPaths.RequireDirectory(TestPaths.PythonCorpus);
        foreach (var file in Directory.GetFiles(TestPaths.PythonCorpus, "msg_*.txt").Order(StringComparer.Ordinal).Take(12))
            yield return File.ReadAllBytes(file);
    }
}
