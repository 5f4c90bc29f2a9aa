using System.Buffers;
using System.Text;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Session;

namespace Posta.Smtp.Tests;

/// <summary>BDAT content is held to DATA's rules wherever the chunks and segments split it.</summary>
public sealed class ChunkedContentCheckerTests
{
    public static TheoryData<string, SmtpDataError, bool> Cases => new()
    {
        { "Subject: x\r\n\r\nbody\r\n", SmtpDataError.None, true },
        { "Subject: x\r\n\r\nno final line break", SmtpDataError.None, false },
        { "a\nb\r\n", SmtpDataError.BareLineFeed, true },
        { "a\rb\r\n", SmtpDataError.BareCarriageReturn, true },
        { "a\r\r\nb\r\n", SmtpDataError.BareCarriageReturn, true },
        { "ends with CR\r", SmtpDataError.BareCarriageReturn, false },
        { "a\0b\r\n", SmtpDataError.NulCharacter, true },
        { "\r\n.\r\n", SmtpDataError.None, true },
        { "", SmtpDataError.None, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_split_gives_the_same_verdict(string content, SmtpDataError expected, bool endsWithLineBreak)
    {
        var bytes = Encoding.ASCII.GetBytes(content);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var checker = new ChunkedContentChecker(maxSize: 0);
            checker.Add(new ReadOnlySequence<byte>(bytes, 0, cut));
            checker.Add(new ReadOnlySequence<byte>(bytes, cut, bytes.Length - cut));
            checker.Complete();
            Assert.Equal(expected, checker.Error);
            Assert.Equal(bytes.Length, checker.Length);
            if (expected == SmtpDataError.None)
            {
                Assert.Equal(endsWithLineBreak, checker.EndsWithLineBreak);
            }
        }
    }

    [Fact]
    public void Octet_by_octet_is_the_same_as_all_at_once()
    {
        var bytes = Encoding.ASCII.GetBytes("line one\r\nline two\rX\r\n");
        var checker = new ChunkedContentChecker(maxSize: 0);
        foreach (var b in bytes)
        {
            checker.Add(new ReadOnlySequence<byte>([b]));
        }

        checker.Complete();
        Assert.Equal(SmtpDataError.BareCarriageReturn, checker.Error);
    }

    [Fact]
    public void Content_over_the_limit_is_too_large_and_still_counted()
    {
        var checker = new ChunkedContentChecker(maxSize: 10);
        checker.Add(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("0123456789")));
        Assert.Equal(SmtpDataError.None, checker.Error);
        checker.Add(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("\r\n")));
        Assert.Equal(SmtpDataError.MessageTooLarge, checker.Error);
        checker.Add(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("more\n")));
        Assert.Equal(SmtpDataError.MessageTooLarge, checker.Error);
        Assert.Equal(17, checker.Length);
    }
}
