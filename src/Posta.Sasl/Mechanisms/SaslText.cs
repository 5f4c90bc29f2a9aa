using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Posta.Sasl.Mechanisms;

/// <summary>Decoding of UTF-8 fields in client messages.</summary>
internal static class SaslText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes well-formed UTF-8 without NUL, no longer than <paramref name="maxBytes"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, int maxBytes, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (bytes.Length > maxBytes || bytes.Contains((byte)0))
        {
            return false;
        }

        try
        {
            text = Strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The authorization rule of every mechanism here: no proxy authorization, so an authorization identity
    /// is allowed only when it is empty or names the same user as the credentials did, by login or by account.
    /// </summary>
    public static bool IsAllowedAuthorization(string? authorizationId, string login, string account) =>
        string.IsNullOrEmpty(authorizationId)
        || string.Equals(authorizationId, login, StringComparison.OrdinalIgnoreCase)
        || string.Equals(authorizationId, account, StringComparison.OrdinalIgnoreCase);
}
