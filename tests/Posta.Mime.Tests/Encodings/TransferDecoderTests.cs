using System.Buffers;
using System.Text;
using Posta.Mime.Encodings;

namespace Posta.Mime.Tests.Encodings;

public class TransferDecoderTests
{
    private static string Decode(string input, ContentTransferEncoding encoding) =>
        Encoding.Latin1.GetString(TransferDecoder.DecodeAll(Encoding.Latin1.GetBytes(input), encoding));

    [Theory]
    [InlineData("SGVsbG8gV29ybGQh", "Hello World!")]
    [InlineData("SGVs\r\nbG8g\r\nV29y\r\nbGQh\r\n", "Hello World!")]
    [InlineData("SGVs bG8*gV29y!bGQh", "Hello World!")]
    [InlineData("SGVsbG8", "Hello")]
    [InlineData("SGk=", "Hi")]
    [InlineData("SGk=\r\nSGVsbG8=", "Hi")]
    [InlineData("SGk", "Hi")]
    [InlineData("S", "")]
    [InlineData("", "")]
    public void Base64_forgives_garbage_and_stops_at_padding(string input, string expected) => Assert.Equal(expected, Decode(input, ContentTransferEncoding.Base64));

    [Theory]
    [InlineData("caf=C3=A9", "caf\u00c3\u00a9")]
    [InlineData("soft=\r\nbreak", "softbreak")]
    [InlineData("soft=\nbreak", "softbreak")]
    [InlineData("padded soft=  \r\nbreak", "padded softbreak")]
    [InlineData("trailing   \r\nnext", "trailing\r\nnext")]
    [InlineData("trailing\t \nnext", "trailing\nnext")]
    [InlineData("keep  inner  spaces", "keep  inner  spaces")]
    [InlineData("lower =c3=a9", "lower \u00c3\u00a9")]
    [InlineData("bad =ZZ and =4x", "bad =ZZ and =4x")]
    [InlineData("end=", "end")]
    [InlineData("end=4", "end=4")]
    [InlineData("space =\r\n", "space ")]
    [InlineData("bare\rcr", "bare\rcr")]
    public void Quoted_printable_follows_rfc2045_and_forgives(string input, string expected) => Assert.Equal(expected, Decode(input, ContentTransferEncoding.QuotedPrintable));

    [Fact]
    public void Uuencode_between_begin_and_end()
    {
        var input = "junk before\nbegin 644 hello.txt\n,2&5L;&\\@5V]R;&0A\n`\nend\ntrailing junk\n";
        Assert.Equal("Hello World!", Decode(input, ContentTransferEncoding.UUEncode));
    }

    [Fact]
    public void Decoders_give_the_same_result_for_any_chunking()
    {
        var inputs = new (string, ContentTransferEncoding)[]
        {
            ("SGVs bG8g\r\nV29y*bGQh\r\nSGk=\r\n", ContentTransferEncoding.Base64),
            ("a =3D b=\r\nc   \r\nd=\r\n  =4 =zz=C3=A9\r\n\t\r\nend=", ContentTransferEncoding.QuotedPrintable),
            ("begin 644 x\n,2&5L;&\\@5V]R;&0A\n`\nend\n", ContentTransferEncoding.UUEncode),
        };
        foreach (var (text, encoding) in inputs)
        {
            var input = Encoding.Latin1.GetBytes(text);
            var expected = TransferDecoder.DecodeAll(input, encoding);
            for (var size = 1; size < input.Length; size++)
            {
                var decoder = TransferDecoder.Create(encoding);
                var output = new ArrayBufferWriter<byte>();
                for (var offset = 0; offset < input.Length; offset += size)
                    decoder.Decode(input.AsSpan(offset, Math.Min(size, input.Length - offset)), output);
                decoder.Flush(output);
                Assert.Equal(expected, output.WrittenSpan.ToArray());
            }
        }
    }
}
