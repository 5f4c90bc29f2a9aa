using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Posta.Directory.Passwords;

/// <summary>The UTF-8 bytes of a password in a pooled buffer that is wiped when disposed.</summary>
internal ref struct Utf8Secret
{
    private byte[]? buffer;
    private readonly int length;

    private Utf8Secret(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public readonly ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public static Utf8Secret Encode(string text)
    {
        // Lone surrogates become U+FFFD, as the password could not have arrived as UTF-8 otherwise.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
        return new Utf8Secret(buffer, Encoding.UTF8.GetBytes(text, buffer));
    }

    public void Dispose()
    {
        if (buffer is null)
            return;
        CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = null;
    }
}
