namespace Posta.Smtp.Session;

/// <summary>What an SMTP listener is for, which decides its policy.</summary>
internal enum SmtpListenerKind
{
    /// <summary>
    /// Port 25: mail from other servers to the hosted domains. No AUTH (DESIGN.md §4); recipients
    /// outside the hosted domains are refused (no open relay).
    /// </summary>
    Mx,

    /// <summary>
    /// Ports 587 and 465 (RFC 6409, RFC 8314): users' own mail. AUTH is required before MAIL, only
    /// over TLS, and the sender must be one of the user's addresses.
    /// </summary>
    Submission,
}
