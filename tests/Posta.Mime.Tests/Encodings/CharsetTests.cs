using System.Text;
using Posta.Mime.Encodings;

namespace Posta.Mime.Tests.Encodings;

public class CharsetTests
{
    [Theory]
    [InlineData("UTF-8", 65001)]
    [InlineData("\"utf8\"", 65001)]
    [InlineData("latin1", 28591)]
    [InlineData("ISO_8859-2", 28592)]
    [InlineData("iso8859-15", 28605)]
    [InlineData("cp1251", 1251)]
    [InlineData("windows-1252", 1252)]
    [InlineData("gb2312", 54936)]
    [InlineData("ks_c_5601-1987", 949)]
    [InlineData("x-sjis", 932)]
    [InlineData("koi8-r", 20866)]
    [InlineData("iso-2022-jp", 50220)]
    [InlineData("x-mac-roman", 10000)]
    public void Resolves_the_names_mailers_write(string name, int codePage) => Assert.Equal(codePage, Charsets.GetEncoding(name)!.CodePage);

    [Theory]
    [InlineData("us-ascii")]
    [InlineData("unknown-8bit")]
    [InlineData("x-no-such-charset")]
    [InlineData("")]
    [InlineData(null)]
    public void Has_no_encoding_for_non_charsets(string? name) => Assert.Null(Charsets.GetEncoding(name));

    [Fact]
    public void Unlabelled_text_is_utf8_when_valid_else_windows_1252()
    {
        Assert.Equal("Grüße", Charsets.Decode(Encoding.UTF8.GetBytes("Grüße"), "us-ascii"));
        Assert.Equal("Grüße", Charsets.Decode(Encoding.Latin1.GetBytes("Grüße"), null));
        Assert.Equal("\u20ac", Charsets.Decode([0x80], "x-unknown"));
    }

    [Fact]
    public void Utf7_is_decoded() => Assert.Equal("Hi Mom -☺-!", Charsets.Decode("Hi Mom -+Jjo--!"u8, "UTF-7"));

    [Fact]
    public void Invalid_octets_become_replacement_characters() => Assert.Equal("a\uFFFDb", Charsets.Decode([(byte)'a', 0xFF, (byte)'b'], "utf-8"));
}
