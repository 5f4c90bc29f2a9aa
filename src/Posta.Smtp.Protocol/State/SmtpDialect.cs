namespace Posta.Smtp.Protocol.State;

/// <summary>Which protocol a session speaks: they differ only in the greeting command.</summary>
public enum SmtpDialect
{
    /// <summary>SMTP (RFC 5321): EHLO or HELO; LHLO is unknown.</summary>
    Smtp,

    /// <summary>LMTP (RFC 2033 §4.1): LHLO; EHLO and HELO are unknown.</summary>
    Lmtp,
}
