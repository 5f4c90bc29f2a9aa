namespace Posta.Smtp.Protocol.Data;

/// <summary>
/// Why message content must be refused. The decoder still finds the real end of the data, so the
/// session answers after it and stays in sync.
/// </summary>
public enum SmtpDataError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>
    /// An LF not preceded by CR: "\n.\n", "\r\n.\n" and "\n.\r\n" are the SMTP smuggling
    /// end-of-data variants (https://www.postfix.org/smtp-smuggling.html).
    /// </summary>
    BareLineFeed,

    /// <summary>A CR not followed by LF: "\r.\r" and "\r\n.\r" followed by anything but LF.</summary>
    BareCarriageReturn,

    /// <summary>A NUL octet (RFC 5322 §2.3 forbids it; some servers end lines at NUL).</summary>
    NulCharacter,

    /// <summary>The content exceeded the decoder's size limit.</summary>
    MessageTooLarge,
}
