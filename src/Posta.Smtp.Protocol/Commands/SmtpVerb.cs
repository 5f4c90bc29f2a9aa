namespace Posta.Smtp.Protocol.Commands;

/// <summary>The command word of an SMTP or LMTP command line; matched case-insensitively.</summary>
public enum SmtpVerb
{
    /// <summary>Not a command this parser knows.</summary>
    Unknown,

    /// <summary>RFC 5321 §4.1.1.1: extended hello.</summary>
    Ehlo,

    /// <summary>RFC 5321 §4.1.1.1: hello.</summary>
    Helo,

    /// <summary>RFC 2033 §4.1: LMTP's hello.</summary>
    Lhlo,

    /// <summary>RFC 5321 §4.1.1.2: starts a mail transaction.</summary>
    Mail,

    /// <summary>RFC 5321 §4.1.1.3: adds a recipient.</summary>
    Rcpt,

    /// <summary>RFC 5321 §4.1.1.4: starts the dot-terminated message content.</summary>
    Data,

    /// <summary>RFC 3030 §2: a chunk of message content of announced size.</summary>
    Bdat,

    /// <summary>RFC 5321 §4.1.1.5: aborts the transaction.</summary>
    Rset,

    /// <summary>RFC 5321 §4.1.1.6: verifies an address.</summary>
    Vrfy,

    /// <summary>RFC 5321 §4.1.1.7: expands a mailing list (not implemented: answered 502).</summary>
    Expn,

    /// <summary>RFC 5321 §4.1.1.8: help.</summary>
    Help,

    /// <summary>RFC 5321 §4.1.1.9: no operation.</summary>
    Noop,

    /// <summary>RFC 5321 §4.1.1.10: ends the session.</summary>
    Quit,

    /// <summary>RFC 3207 §4: starts TLS.</summary>
    StartTls,

    /// <summary>RFC 4954 §4: SASL authentication.</summary>
    Auth,

    /// <summary>Postfix XCLIENT: a trusted proxy overrides the client's attributes.</summary>
    XClient,
}
