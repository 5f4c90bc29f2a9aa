namespace Posta.Directory.Passwords;

/// <summary>Limits crypt(3) puts on the passphrase, which Posta keeps so hashes stay interchangeable with Dovecot's.</summary>
internal static class CryptPassphrase
{
    /// <summary>
    /// libxcrypt's CRYPT_MAX_PASSPHRASE_SIZE is 512 including the terminator: crypt() fails for
    /// 512 bytes or more, so Dovecot can neither make nor verify such hashes. The cap also bounds
    /// SHA-crypt's work, which grows with the square of the passphrase length.
    /// </summary>
    internal const int MaxBytes = 511;

    /// <summary>crypt(3) reads a C string: a NUL would silently end the passphrase early.</summary>
    internal static bool IsUsable(ReadOnlySpan<byte> password) =>
        password.Length <= MaxBytes && !password.Contains((byte)0);

    internal static void ThrowIfUnusable(ReadOnlySpan<byte> password, string scheme)
    {
        if (password.Contains((byte)0))
            throw new ArgumentException($"{scheme} passwords cannot contain NUL characters", nameof(password));
        if (password.Length > MaxBytes)
            throw new ArgumentException($"{scheme} passwords are limited to {MaxBytes} bytes of UTF-8; this one has {password.Length}", nameof(password));
    }
}
