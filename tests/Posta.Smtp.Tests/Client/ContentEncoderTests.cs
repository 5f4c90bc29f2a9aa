using System.Text;
using Posta.Smtp.Outbound.Client;

namespace Posta.Smtp.Tests.Client;

/// <summary>The content encoder gives the same bytes however the content is cut into blocks.</summary>
public sealed class ContentEncoderTests
{
    [Theory]
    [InlineData("a\r\n.b\r\n", true, "a\r\n..b\r\n")]
    [InlineData(".\r\n..\r\n", true, "..\r\n...\r\n")]
    [InlineData(".\r\n..\r\n", false, ".\r\n..\r\n")]
    [InlineData("x\ny\rz\r\n\r\r\n", true, "x\r\ny\r\nz\r\n\r\n\r\n")]
    [InlineData("\r.\n.", true, "\r\n..\r\n..\r\n")]
    [InlineData("tail", false, "tail\r\n")]
    [InlineData("tail\r", false, "tail\r\n")]
    [InlineData("", true, "")]
    public void Every_split_of_the_input_encodes_alike(string input, bool dotStuff, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(input);
        for (var first = 0; first <= bytes.Length; first++)
        {
            for (var second = first; second <= bytes.Length; second++)
            {
                var encoder = new ContentEncoder(dotStuff);
                var output = new List<byte>();
                foreach (var (start, end) in new[] { (0, first), (first, second), (second, bytes.Length) })
                {
                    var buffer = new byte[ContentEncoder.MaxOutputLength(end - start)];
                    output.AddRange(buffer.AsSpan(0, encoder.Encode(bytes.AsSpan(start, end - start), buffer)).ToArray());
                }

                var tail = new byte[2];
                output.AddRange(tail.AsSpan(0, encoder.Finish(tail)).ToArray());
                Assert.True(expected == Encoding.ASCII.GetString(output.ToArray()), $"split at {first} and {second}: {Encoding.ASCII.GetString(output.ToArray())}");
            }
        }
    }

    [Fact]
    public void The_output_bound_holds_for_the_worst_input()
    {
        // Every octet a dot-led line or a bare LF, after a CR left pending by the previous block.
        var encoder = new ContentEncoder(dotStuff: true);
        var pending = new byte[ContentEncoder.MaxOutputLength(1)];
        Assert.Equal(0, encoder.Encode("\r"u8, pending));
        var input = ".\n.\n.\n.\n"u8;
        var output = new byte[ContentEncoder.MaxOutputLength(input.Length)];

        var written = encoder.Encode(input, output);

        Assert.Equal("\r\n..\r\n..\r\n..\r\n..\r\n", Encoding.ASCII.GetString(output, 0, written));
        Assert.True(written <= output.Length);
    }

    [Theory]
    [InlineData("plain ASCII\r\n", false)]
    [InlineData("caf\u00e9\r\n", true)]
    public void Eight_bit_octets_are_noticed(string input, bool eightBit)
    {
        var encoder = new ContentEncoder(dotStuff: true);
        var bytes = Encoding.UTF8.GetBytes(input);

        encoder.Encode(bytes, new byte[ContentEncoder.MaxOutputLength(bytes.Length)]);

        Assert.Equal(eightBit, encoder.SawEightBit);
    }
}
