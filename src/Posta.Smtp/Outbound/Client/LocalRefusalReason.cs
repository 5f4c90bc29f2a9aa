namespace Posta.Smtp.Outbound.Client;

/// <summary>Why a message cannot be sent to this server as it stands.</summary>
public enum LocalRefusalReason
{
    /// <summary>The message is larger than the server's SIZE (RFC 1870 §4): 552 5.3.4.</summary>
    MessageTooLarge,

    /// <summary>
    /// 8-bit content to a server without 8BITMIME (RFC 6152 §3: downgrade or refuse; downgrading
    /// is not implemented): 554 5.6.3.
    /// </summary>
    EightBitNotSupported,

    /// <summary>BINARYMIME content to a server without CHUNKING and BINARYMIME (RFC 3030 §3): 554 5.6.3.</summary>
    BinaryNotSupported,

    /// <summary>The envelope or message needs SMTPUTF8, which the server does not offer (RFC 6531 §3.2): 553 5.6.7.</summary>
    SmtpUtf8NotSupported,

    /// <summary>REQUIRETLS without TLS or without the server's REQUIRETLS (RFC 8689 §4.2): 550 5.7.30.</summary>
    RequireTlsNotSupported,

    /// <summary>
    /// The sender, the ENVID, or every recipient is refused by Posta's own command parser (which
    /// checks what the session would send): 553 5.1.7 for the sender, 501 5.5.4 for a parameter,
    /// 553 5.1.3 for recipients. A single bad recipient among good ones is not sent and gets its
    /// own 553 5.1.3 in the result instead.
    /// </summary>
    InvalidEnvelope,
}
