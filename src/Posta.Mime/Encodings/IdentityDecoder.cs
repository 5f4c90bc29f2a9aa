using System.Buffers;

namespace Posta.Mime.Encodings;

/// <summary>7bit, 8bit and binary: the bytes are the content.</summary>
internal sealed class IdentityDecoder : TransferDecoder
{
    public override void Decode(ReadOnlySpan<byte> input, IBufferWriter<byte> output) => output.Write(input);
}
