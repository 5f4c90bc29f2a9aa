using System.Text;
using Posta.Mime.Headers;

namespace Posta.Mime.Tests.Headers;

public class ContentTypeTests
{
    private static ContentType Parse(string value) => ContentType.Parse(Encoding.UTF8.GetBytes(value), ContentType.TextPlain);

    [Theory]
    [InlineData("text/plain; charset=us-ascii (Plain text)", "text/plain", "charset", "us-ascii")]
    [InlineData("Text/HTML;Charset=\"UTF-8\"", "text/html", "charset", "UTF-8")]
    [InlineData("multipart/mixed;\r\n boundary=\"----=_Part_1\"", "multipart/mixed", "boundary", "----=_Part_1")]
    [InlineData("application/pdf name=\"a b.pdf\"", "application/pdf", "name", "a b.pdf")]
    [InlineData("application/pdf; name=a b.pdf", "application/pdf", "name", "a b.pdf")]
    [InlineData("text/plain; name=\"unterminated", "text/plain", "name", "unterminated")]
    [InlineData("text/plain; name=x/y?z=w", "text/plain", "name", "x/y?z=w")]
    [InlineData("text / plain ; format = flowed", "text/plain", "format", "flowed")]
    [InlineData("text/plain; name=\"=?utf-8?b?w6kudHh0?=\"", "text/plain", "name", "é.txt")]
    [InlineData("text/plain; name=\"Grüße.txt\"", "text/plain", "name", "Grüße.txt")]
    [InlineData("text/plain; name=\"a\\\"b\"", "text/plain", "name", "a\"b")]
    public void Parses_real_world_values(string value, string type, string parameter, string expected)
    {
        var contentType = Parse(value);
        Assert.Equal(type, contentType.MimeType);
        Assert.False(contentType.IsDefault);
        Assert.Equal(expected, contentType.GetParameter(parameter));
    }

    [Theory]
    [InlineData("")]
    [InlineData("text")]
    [InlineData("/plain")]
    [InlineData("; charset=utf-8")]
    public void Unusable_types_fall_back_to_the_default_but_keep_parameters(string value)
    {
        var contentType = Parse(value);
        Assert.True(contentType.IsDefault);
        Assert.Equal("text/plain", contentType.MimeType);
        if (value.Contains("charset", StringComparison.Ordinal))
            Assert.Equal("utf-8", contentType.Charset);
    }

    // RFC 2231 §3, §4, §4.1 examples.
    [Theory]
    [InlineData("message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"", "url", "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")]
    [InlineData("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A", "title", "This is ***fun***")]
    [InlineData("application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\"", "title", "This is even more ***fun*** isn't it!")]
    [InlineData("application/x-stuff; title*1=\"second\"; title*0=\"first \"", "title", "first second")]
    [InlineData("application/x-stuff; name*0*=utf-8''%E6%97%A5%E6%9C; name*1*=%AC.txt", "name", "日本.txt")]
    [InlineData("application/x-stuff; name=\"plain\"; name*=utf-8''%C3%A9", "name", "é")]
    [InlineData("application/x-stuff; name*=iso-8859-1''caf%E9", "name", "café")]
    [InlineData("application/x-stuff; name*=''bare", "name", "bare")]
    public void Rfc2231_continuations_and_charsets(string value, string parameter, string expected) =>
        Assert.Equal(expected, Parse(value).GetParameter(parameter));

    [Fact]
    public void Duplicate_parameters_are_kept_and_the_first_wins()
    {
        var contentType = Parse("text/plain; charset=utf-8; charset=iso-8859-1");
        Assert.Equal(2, contentType.Parameters.Count);
        Assert.Equal("utf-8", contentType.Charset);
    }

    [Fact]
    public void Disposition_with_filename()
    {
        var disposition = ContentDisposition.Parse("attachment;\r\n filename*=UTF-8''%E2%82%AC%20rates.pdf"u8)!;
        Assert.True(disposition.IsAttachment);
        Assert.Equal("€ rates.pdf", disposition.FileName);
        Assert.Equal("", ContentDisposition.Parse("; filename=x.txt"u8)!.Disposition);
        Assert.Null(ContentDisposition.Parse(""u8));
    }
}
