using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

/// <summary>Hostile input: the parser never throws, always makes progress or asks for more, and does not depend on how input is split.</summary>
public class FuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "\r\n", "\n", "\r", "\0", " ", "  ", "\t", ":", "<", ">", "<>", "@", ".", "..", ",", ";", "=", "+", "+2B", "+0D+0A", "\\", "\"", "[", "]",
        "MAIL FROM:", "RCPT TO:", "EHLO ", "HELO ", "LHLO ", "DATA", "BDAT ", " LAST", "RSET", "NOOP", "QUIT", "VRFY ", "HELP", "STARTTLS",
        "AUTH PLAIN ", "AUTH LOGIN", "XCLIENT ", "ADDR=", "NAME=", "PORT=", "IPV6:", "[UNAVAILABLE]", " SIZE=", " BODY=8BITMIME", " SMTPUTF8",
        " RET=HDRS", " ENVID=", " NOTIFY=SUCCESS,FAILURE", " ORCPT=rfc822;", " ORCPT=utf-8;\\x{", " AUTH=", " REQUIRETLS", "IPv6:", "::1",
        "192.0.2.1", "user", "example.com", "Postmaster", "用户", "\xff", "\xc3", "1234567890123456789012", "dGVzdA==", "*", "GET ",
    ];

    private static Gen<byte[]> HostileInput =>
        Gen.Frequency(
            (4, Gen.Elements(Vocabulary).Select(piece => piece.Any(c => c is >= '\u0080' and <= '\u00FF') ? Encoding.Latin1.GetBytes(piece) : Encoding.UTF8.GetBytes(piece))),
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 6)))
        .ListOf()
        .Select(pieces => pieces.SelectMany(p => p).ToArray());

    [Fact]
    public void Random_bytes_never_throw_and_the_parser_always_progresses()
    {
        var random = new Random(5321);
        var parser = new SmtpCommandParser();
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var data = new byte[random.Next(0, 700)];
            random.NextBytes(data);
            if (iteration % 2 == 0)
            {
                // Mostly letters and line ends, so lines get past the first-byte check.
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = data[i] switch { < 40 => (byte)'\n', < 60 => (byte)'\r', < 200 => (byte)('A' + (data[i] % 26)), _ => data[i] };
                }
            }

            Drain(parser, data);
        }
    }

    [Fact]
    public void Hostile_input_parses_the_same_whole_and_bytewise()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(HostileInput.ToArbitrary(), data =>
        {
            var whole = Drain(SmtpCommandParser.Default, data);
            var bytewise = Drain(SmtpCommandParser.Default, Segments.Bytewise(data));
            Assert.Equal(whole, bytewise);
        }));
    }

    private static List<string> Drain(SmtpCommandParser parser, byte[] data) => Drain(parser, new ReadOnlySequence<byte>(data));

    /// <summary>Parses until the input runs out, skipping over lines too long; returns what was seen.</summary>
    private static List<string> Drain(SmtpCommandParser parser, ReadOnlySequence<byte> input)
    {
        var seen = new List<string>();
        var reader = new SequenceReader<byte>(input);
        while (true)
        {
            var before = reader.Consumed;
            var status = parser.TryParse(ref reader, out var command);
            if (status == OperationStatus.NeedMoreData)
            {
                Assert.Equal(before, reader.Consumed);
                return seen;
            }

            seen.Add($"{status} {command}");
            if (command is InvalidCommand { Error: SmtpCommandError.NonSmtpCommand } && reader.Consumed == before)
            {
                // A real session closes here; skip the line to keep exploring.
                if (!SmtpCommandParser.TrySkipLine(ref reader))
                {
                    return seen;
                }
            }
            else if (command is InvalidCommand { Error: SmtpCommandError.LineTooLong or SmtpCommandError.AuthLineTooLong })
            {
                Assert.Equal(before, reader.Consumed);
                if (!SmtpCommandParser.TrySkipLine(ref reader))
                {
                    return seen;
                }
            }
            else
            {
                Assert.True(reader.Consumed > before, $"no progress on {command}");
            }

            _ = command.ToString();
            if (command is InvalidCommand invalid)
            {
                Assert.True(invalid.Reply.IsPermanentNegative);
            }
        }
    }
}
