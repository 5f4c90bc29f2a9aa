namespace Posta.Directory.Passwords;

/// <summary>Outcome of checking a password against a stored hash.</summary>
public enum PasswordCheck
{
    /// <summary>The password matches the stored hash.</summary>
    Match,

    /// <summary>The stored hash is well formed and the password does not match it.</summary>
    Mismatch,

    /// <summary>The stored hash names an unknown scheme or is malformed, so no password can match it.</summary>
    Unsupported,
}
