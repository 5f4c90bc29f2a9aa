using System.Text;

namespace Posta.Smtp.Protocol.Tests.Support;

internal static class Bytes
{
    /// <summary>UTF-8 bytes of <paramref name="text"/> (test vectors are mostly ASCII).</summary>
    public static byte[] Of(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Text of bytes, with control characters visible, for assertion messages.</summary>
    public static string Show(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
