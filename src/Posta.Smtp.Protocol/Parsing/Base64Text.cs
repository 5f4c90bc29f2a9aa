using System.Buffers;
using System.Buffers.Text;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>Strict base64 (RFC 4648 §4) for SASL payloads, tolerating missing padding.</summary>
internal static class Base64Text
{
    public static bool TryDecode(ReadOnlySpan<byte> text, out byte[] data)
    {
        data = [];
        if (text.IsEmpty)
        {
            return true;
        }

        var padding = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'=')
            {
                padding++;
            }
            else if (padding > 0 || !(SmtpCharacters.IsLetDig(b) || b is (byte)'+' or (byte)'/'))
            {
                return false;
            }
        }

        // "Missing" padding is added back; a single leftover character can never be valid.
        var missing = (4 - (text.Length % 4)) % 4;
        if (padding + missing > 2 || text.Length % 4 == 1)
        {
            return false;
        }

        var paddedLength = text.Length + missing;
        var rented = ArrayPool<byte>.Shared.Rent(paddedLength);
        try
        {
            text.CopyTo(rented);
            rented.AsSpan(text.Length, missing).Fill((byte)'=');
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(paddedLength)];
            if (Base64.DecodeFromUtf8(rented.AsSpan(0, paddedLength), decoded, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            data = written == decoded.Length ? decoded : decoded[..written];
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
