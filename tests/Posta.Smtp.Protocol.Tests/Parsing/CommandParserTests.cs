using System.Buffers;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

public class CommandParserTests
{
    // Bytes after the command that must be left for the next call.
    private static readonly byte[] Next = Bytes.Of("NOOP\r\n");

    public static TheoryData<int> ValidIndexes() => [.. Enumerable.Range(0, CommandVectors.Valid.Length)];

    [Theory]
    [MemberData(nameof(ValidIndexes))]
    public void A_valid_line_gives_its_command_and_consumes_only_the_line(int index)
    {
        var (line, expected) = CommandVectors.Valid[index];
        var bytes = Bytes.Of(line + "\r\n");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>([.. bytes, .. Next]));

        var status = SmtpCommandParser.Default.TryParse(ref reader, out var command);

        Assert.True(status == OperationStatus.Done, $"{line}: {status} {command}");
        Assert.Equal(expected, command);
        Assert.Equal(bytes.Length, reader.Consumed);
    }

    [Theory]
    [MemberData(nameof(ValidIndexes))]
    public void Every_prefix_of_a_valid_line_needs_more_data_and_consumes_nothing(int index)
    {
        var bytes = Bytes.Of(CommandVectors.Valid[index].Line + "\r\n");
        for (var length = 0; length < bytes.Length; length++)
        {
            foreach (var sequence in new[] { new ReadOnlySequence<byte>(bytes, 0, length), Segments.Bytewise(bytes[..length]) })
            {
                var reader = new SequenceReader<byte>(sequence);

                var status = SmtpCommandParser.Default.TryParse(ref reader, out _);

                Assert.True(status == OperationStatus.NeedMoreData, $"{Bytes.Show(bytes)}: prefix of {length} gave {status}");
                Assert.Equal(0, reader.Consumed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValidIndexes))]
    public void Any_split_across_segments_gives_the_same_command(int index)
    {
        var (line, expected) = CommandVectors.Valid[index];
        var bytes = Bytes.Of(line + "\r\n");
        foreach (var sequence in Segments.AllSplits([.. bytes, .. Next], index))
        {
            var reader = new SequenceReader<byte>(sequence);

            var status = SmtpCommandParser.Default.TryParse(ref reader, out var command);

            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(expected, command);
            Assert.Equal(bytes.Length, reader.Consumed);
        }
    }

    [Fact]
    public void Pipelined_commands_are_parsed_one_after_the_other()
    {
        var input = Bytes.Of("MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nRCPT TO:<e@f.example>\r\nDATA\r\nSubject: x");
        var reader = new SequenceReader<byte>(Segments.Split(input, 7, 30, 31, 50));
        var verbs = new List<SmtpVerb>();
        while (SmtpCommandParser.Default.TryParse(ref reader, out var command) == OperationStatus.Done)
        {
            verbs.Add(command.Verb);
        }

        Assert.Equal([SmtpVerb.Mail, SmtpVerb.Rcpt, SmtpVerb.Rcpt, SmtpVerb.Data], verbs);
        Assert.Equal("Subject: x", Bytes.Show(reader.UnreadSequence.ToArray()));
    }

    [Fact]
    public void Mailboxes_know_when_they_need_smtputf8()
    {
        Assert.True(Parse<RcptCommand>("RCPT TO:<δοκιμή@example.com>").ForwardPath.IsUtf8);
        Assert.True(Parse<RcptCommand>("RCPT TO:<user@παράδειγμα.example>").ForwardPath.IsUtf8);
        Assert.False(Parse<RcptCommand>("RCPT TO:<user@xn--hxajbheg2az3al.example>").ForwardPath.IsUtf8);
    }

    [Fact]
    public void Postmaster_without_a_domain_is_recognised_only_in_that_form()
    {
        Assert.True(Parse<RcptCommand>("RCPT TO:<POSTMASTER>").ForwardPath.IsPostmaster);
        Assert.False(Parse<RcptCommand>("RCPT TO:<postmaster@example.com>").ForwardPath.IsPostmaster);
        Assert.False(Parse<RcptCommand>("RCPT TO:<postmasters>").ForwardPath.IsPostmaster);
    }

    [Fact]
    public void Mailboxes_print_in_rfc_5321_form()
    {
        Assert.Equal("\"john smith\"@example.com", Parse<MailCommand>("MAIL FROM:<\"john smith\"@example.com>").ReversePath!.ToString());
        Assert.Equal("abc@example.com", Parse<MailCommand>("MAIL FROM:<\"abc\"@example.com>").ReversePath!.ToString());
        Assert.Equal("\"a\\\"b\"@example.com", Parse<MailCommand>("MAIL FROM:<\"a\\\"b\"@example.com>").ReversePath!.ToString());
        Assert.Equal("\"first..last\"@example.com", Parse<MailCommand>("MAIL FROM:<first..last@example.com>").ReversePath!.ToString());
        Assert.Equal("user@[192.0.2.1]", Parse<MailCommand>("MAIL FROM:<user@[192.0.2.1]>").ReversePath!.ToString());
        Assert.True(Parse<MailCommand>("MAIL FROM:<user@[192.0.2.1]>").ReversePath!.IsAddressLiteral);
        Assert.True(Parse<MailCommand>("MAIL FROM:<>").IsNullReversePath);
    }

    [Fact]
    public void Auth_decodes_the_initial_response()
    {
        // RFC 4954 §4 example: PLAIN with authzid "", authcid "test", password "1234"... here "test\0test\01234".
        var plain = Parse<AuthCommand>("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=");
        Assert.Equal("PLAIN", plain.Mechanism);
        Assert.Equal("test\0test\u00001234"u8.ToArray(), plain.InitialResponse!.Value.ToArray());

        var empty = Parse<AuthCommand>("AUTH EXTERNAL =");
        Assert.Equal("EXTERNAL", empty.Mechanism);
        Assert.True(empty.InitialResponse.HasValue);
        Assert.Equal(0, empty.InitialResponse.Value.Length);

        var none = Parse<AuthCommand>("auth scram-sha-256");
        Assert.Equal("SCRAM-SHA-256", none.Mechanism);
        Assert.Null(none.InitialResponse);

        Assert.Equal("X-CUSTOM_1", Parse<AuthCommand>("AUTH x-custom_1").Mechanism);

        // Missing padding is tolerated: "AGZvbwBiYXI" is "\0foo\0bar".
        Assert.Equal("\0foo\0bar"u8.ToArray(), Parse<AuthCommand>("AUTH PLAIN AGZvbwBiYXI").InitialResponse!.Value.ToArray());
    }

    [Fact]
    public void Auth_never_prints_the_credentials()
    {
        var text = Parse<AuthCommand>("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=").ToString();

        Assert.Contains("PLAIN", text, StringComparison.Ordinal);
        Assert.Contains("<14 octets>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dGVz", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_line_feed_ends_a_command_only_when_allowed()
    {
        var lenient = new SmtpCommandParser(new SmtpParserOptions { AllowBareLineFeed = true });
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of("MAIL FROM:<a@b.example>\nQUIT\n")));

        Assert.Equal(OperationStatus.Done, lenient.TryParse(ref reader, out var mail));
        Assert.Equal(OperationStatus.Done, lenient.TryParse(ref reader, out var quit));

        Assert.IsType<MailCommand>(mail);
        Assert.IsType<QuitCommand>(quit);
        Assert.True(reader.End);
    }

    private static T Parse<T>(string line)
        where T : SmtpCommand
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(line + "\r\n")));
        var status = SmtpCommandParser.Default.TryParse(ref reader, out var command);
        Assert.True(status == OperationStatus.Done, $"{line}: {status} {command}");
        return Assert.IsType<T>(command);
    }
}
