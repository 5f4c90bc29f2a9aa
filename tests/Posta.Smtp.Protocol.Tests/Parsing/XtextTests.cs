using FsCheck;
using FsCheck.Fluent;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.Parsing;

public class XtextTests
{
    [Theory]
    [InlineData("QQ314159", "QQ314159")]
    [InlineData("e+3Dmc2@example.com", "e=mc2@example.com")]
    [InlineData("a+2Bb", "a+b")]
    [InlineData("a+2bb", "a+b")]
    [InlineData("+20", " ")]
    [InlineData("", "")]
    [InlineData("+C3+A9", "é")]
    public void Xtext_decodes(string encoded, string expected)
    {
        Assert.True(Xtext.TryDecode(Bytes.Of(encoded), out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a=b")]
    [InlineData("a+2")]
    [InlineData("a+G1")]
    [InlineData("+FF")]
    [InlineData("é")]
    public void Malformed_xtext_is_refused(string encoded)
    {
        Assert.False(Xtext.TryDecode(Bytes.Of(encoded), out _));
    }

    [Fact]
    public void Encoding_then_decoding_gives_back_the_text()
    {
        // Below the surrogates: every char is a whole scalar value.
        var texts = Gen.ArrayOf(Gen.Frequency((4, Gen.Choose(0, 0x7F)), (1, Gen.Choose(0x80, 0x2FFF))).Select(c => (char)c)).Select(chars => new string(chars));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(texts.ToArbitrary(), value =>
        {
            var encoded = Xtext.Encode(value);
            Assert.True(System.Text.Ascii.IsValid(encoded));
            Assert.DoesNotContain(' ', encoded);
            Assert.DoesNotContain('=', encoded);
            Assert.True(Xtext.TryDecode(Bytes.Of(encoded), out var decoded));
            Assert.Equal(value, decoded);
        }));
    }
}
