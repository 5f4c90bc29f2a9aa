using System.Text;
using Posta.Mime.Encodings;

namespace Posta.Mime.Tests.Encodings;

public class EncodedWordTests
{
    private static string Decode(string raw) => EncodedWords.DecodeUnstructured(Encoding.UTF8.GetBytes(raw));

    // RFC 2047 §8 examples.
    [Theory]
    [InlineData("(=?ISO-8859-1?Q?a?=)", "(a)")]
    [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")]
    [InlineData("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore")]
    [InlineData("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "Keld Jørn Simonsen")]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard")]
    [InlineData("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=", "If you can read this you understand the example.")]
    public void Rfc2047_examples(string raw, string expected) => Assert.Equal(expected, Decode(raw));

    [Theory]
    [InlineData("=?utf-8?q?split_=E6=97?= =?utf-8?q?=A5_done?=", "split 日 done")]
    [InlineData("=?utf-8?b?5pel?==?utf-8?b?5pys?=", "日本")]
    [InlineData("prefix=?utf-8?q?caf=C3=A9?=suffix", "prefixcafésuffix")]
    [InlineData("=?utf-8?q?with spaces inside?=", "with spaces inside")]
    [InlineData("=?utf-8*en?q?lang?=", "lang")]
    [InlineData("=?x-unknown?q?caf=C3=A9?=", "café")]
    [InlineData("=?iso-8859-1?q?=E9?=", "é")]
    [InlineData("=?utf-8?b?w6k?=", "é")]
    [InlineData("=?utf-8?q?broken", "=?utf-8?q?broken")]
    [InlineData("=??q?empty-charset?=", "=??q?empty-charset?=")]
    [InlineData("=?utf-8?x?bad-encoding?=", "=?utf-8?x?bad-encoding?=")]
    [InlineData("Grüße raw utf-8", "Grüße raw utf-8")]
    [InlineData("  padded  ", "padded")]
    [InlineData("=?utf-7?q?+AOk-?=", "é")]
    public void Forgives_the_usual_violations(string raw, string expected) => Assert.Equal(expected, Decode(raw));

    [Fact]
    public void Raw_latin1_falls_back_to_windows_1252() =>
        Assert.Equal("Grüße €", EncodedWords.DecodeUnstructured(Encoding.Latin1.GetBytes("Grüße ").Concat(new byte[] { 0x80 }).ToArray()));
}
