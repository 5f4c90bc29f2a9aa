using System.Security.Cryptography;
using System.Text;
using Posta.Sasl;

namespace Posta.Directory.Passwords;

/// <summary>
/// Dovecot's {SCRAM-SHA-256}: the salted keys SCRAM verifies against, which also check a plaintext password
/// (derive the keys again and compare).
/// </summary>
internal sealed class ScramPassword(ScramCredentials credentials) : StoredPassword
{
    public ScramCredentials Credentials => credentials;

    public override bool Matches(ReadOnlySpan<byte> password)
    {
        // RFC 5802 derives from the SASLprep'd password; Dovecot derives from the bytes as they are. They
        // differ only for passwords SASLprep changes, so a hash from either side is tried both ways.
        var prepared = false;
        if (TryPrepare(password, out var preparedBytes))
        {
            prepared = Same(ScramCredentials.DeriveUnprepared(preparedBytes, credentials.Salt, credentials.Iterations));
            if (prepared || password.SequenceEqual(preparedBytes))
            {
                CryptographicOperations.ZeroMemory(preparedBytes);
                return prepared;
            }

            CryptographicOperations.ZeroMemory(preparedBytes);
        }

        return Same(ScramCredentials.DeriveUnprepared(password, credentials.Salt, credentials.Iterations));
    }

    private bool Same(ScramCredentials derived) =>
        CryptographicOperations.FixedTimeEquals(derived.StoredKey, credentials.StoredKey)
        & CryptographicOperations.FixedTimeEquals(derived.ServerKey, credentials.ServerKey);

    private static bool TryPrepare(ReadOnlySpan<byte> password, out byte[] prepared)
    {
        prepared = [];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(password);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (!SaslPrep.TryPrepare(text, out var result, out _))
        {
            return false;
        }

        prepared = Encoding.UTF8.GetBytes(result);
        return true;
    }
}
