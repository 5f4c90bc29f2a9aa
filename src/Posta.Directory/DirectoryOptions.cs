namespace Posta.Directory;

/// <summary>Account settings the directory applies.</summary>
public sealed class DirectoryOptions
{
    /// <summary>
    /// Characters that separate a sub-address from the user name (<c>user+tag@</c>). Postfix's
    /// <c>recipient_delimiter</c> and Dovecot's <c>recipient_delimiter</c> default to "+".
    /// </summary>
    public string SubaddressDelimiters { get; set; } = "+";

    /// <summary>Quota for users without their own; null is unlimited.</summary>
    public long? DefaultQuotaBytes { get; set; }

    /// <summary>Scheme for passwords set from now on.</summary>
    public string PasswordScheme { get; set; } = Passwords.PasswordHasher.DefaultScheme;

    /// <summary>
    /// Shortest password accepted. NIST SP 800-63B §5.1.1.2 asks for at least 8 characters.
    /// </summary>
    public int MinPasswordLength { get; set; } = 8;
}
