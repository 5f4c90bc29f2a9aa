namespace Posta.Sasl.Tests;

public sealed class SaslPrepTests
{
    /// <summary>RFC 4013 §3, the examples table.</summary>
    [Theory]
    [InlineData("I\u00ADX", "IX")]
    [InlineData("user", "user")]
    [InlineData("USER", "USER")]
    [InlineData("\u00AA", "a")]
    [InlineData("\u2168", "IX")]
    public void Rfc4013_examples_prepare_as_published(string input, string expected)
    {
        Assert.True(SaslPrep.TryPrepare(input, out var prepared, out var error), error);
        Assert.Equal(expected, prepared);
        Assert.Equal(expected, SaslPrep.Prepare(input));
    }

    [Theory]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u0627\u0031", "begin and end")]
    public void Rfc4013_error_examples_fail_with_the_reason(string input, string reason)
    {
        Assert.False(SaslPrep.TryPrepare(input, out var prepared, out var error));
        Assert.Null(prepared);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SaslPrep.Prepare(input));
    }

    [Theory]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("a\u200Bb", "a b")]
    [InlineData("a\u2000b", "a b")]
    [InlineData("a\u200Db\uFEFFc\uFE0F", "abc")]
    [InlineData("\uFB01", "fi")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\uAC00\u11A8", "\uAC01")]
    [InlineData("\u0627\u0628", "\u0627\u0628")]
    [InlineData("\u0627 1 \u0628", "\u0627 1 \u0628")]
    [InlineData("\U0001D400", "A")]
    [InlineData("", "")]
    public void Mapping_and_normalisation_follow_the_profile(string input, string expected)
    {
        Assert.Equal(expected, SaslPrep.Prepare(input));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    [InlineData("a\uE000b")]
    [InlineData("a\U000F0000b")]
    [InlineData("a\uFDD0b")]
    [InlineData("a\uFFFDb")]
    [InlineData("a\u2FF0b")]
    [InlineData("a\u200Eb")]
    [InlineData("a\u202Eb")]
    [InlineData("a\U000E0001b")]
    [InlineData("a\uD800b")]
    [InlineData("a\uDC00")]
    [InlineData("\u0627a\u0628")]
    [InlineData("1\u0627")]
    public void Prohibited_output_and_bidi_violations_fail(string input)
    {
        Assert.False(SaslPrep.TryPrepare(input, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
