using System.Buffers;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

public class SaslResponseTests
{
    [Theory]
    [InlineData("dGVzdAB0ZXN0ADEyMzQ=\r\n", "test\0test\u00001234")]
    [InlineData("\r\n", "")]
    [InlineData("Zm9v\r\n", "foo")]
    [InlineData("Zm9vYg\r\n", "foob")]
    public void A_response_line_is_decoded(string line, string expected)
    {
        foreach (var sequence in Segments.AllSplits(Bytes.Of(line)))
        {
            var reader = new SequenceReader<byte>(sequence);

            Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out var response));
            Assert.False(response.IsCancelled);
            Assert.Equal(Bytes.Of(expected), response.Data.ToArray());
            Assert.True(reader.End);
        }
    }

    [Fact]
    public void A_star_cancels()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of("*\r\n")));

        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out var response));
        Assert.True(response.IsCancelled);
    }

    [Theory]
    [InlineData("not base64!\r\n", SmtpCommandError.InvalidBase64)]
    [InlineData("Zm9v\n", SmtpCommandError.BareLineFeed)]
    [InlineData("Zm\0v\r\n", SmtpCommandError.NulCharacter)]
    public void A_bad_response_line_is_a_typed_error_and_consumed(string line, SmtpCommandError error)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(line)));

        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out var response));
        Assert.Equal(error, response.Error);
        Assert.True(reader.End);
    }

    [Fact]
    public void Responses_have_the_auth_line_limit_and_prefixes_need_more_data()
    {
        // RFC 4954 §4: 12288 octets of base64, then CRLF.
        var longLine = Bytes.Of(new string('A', 12288) + "\r\n");
        var tooLong = Bytes.Of(new string('A', 12288 + 3));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(longLine));
        var overReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(tooLong));
        var prefixReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(longLine, 0, 1000));

        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out _));
        Assert.Equal(OperationStatus.InvalidData, SmtpCommandParser.Default.TryParseAuthResponse(ref overReader, out var response));
        Assert.Equal(SmtpCommandError.AuthLineTooLong, response.Error);
        Assert.Equal(0, overReader.Consumed);
        Assert.Equal(OperationStatus.NeedMoreData, SmtpCommandParser.Default.TryParseAuthResponse(ref prefixReader, out _));
        Assert.Equal(0, prefixReader.Consumed);
    }

    [Fact]
    public void A_response_never_prints_its_data()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of("c2VjcmV0\r\n")));
        SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out var response);

        Assert.DoesNotContain("secret", response.ToString(), StringComparison.Ordinal);
        Assert.Contains("<6 octets>", response.ToString(), StringComparison.Ordinal);
    }
}
