namespace Posta.Smtp.Protocol.State;

/// <summary>Where an SMTP or LMTP session is, as far as command sequencing goes (RFC 5321 §4.1.4).</summary>
public enum SmtpState
{
    /// <summary>Before a successful EHLO/HELO/LHLO, and again after STARTTLS (RFC 3207 §4.2) or XCLIENT.</summary>
    Connected,

    /// <summary>Greeted, no mail transaction.</summary>
    Greeted,

    /// <summary>MAIL accepted, no recipient yet.</summary>
    InTransaction,

    /// <summary>At least one RCPT accepted.</summary>
    HasRecipients,

    /// <summary>Between BDAT chunks (RFC 3030): only BDAT, RSET and the harmless commands.</summary>
    BdatChunks,

    /// <summary>Reading DATA content: input goes to <see cref="Data.SmtpDataDecoder"/>, not to the command parser.</summary>
    Data,

    /// <summary>In a SASL exchange: input lines are responses (<see cref="Parsing.SmtpCommandParser.TryParseAuthResponse"/>).</summary>
    Auth,
}
