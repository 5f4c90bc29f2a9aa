namespace Posta.Smtp.Protocol.Commands;

/// <summary>Why a command line was refused. <see cref="InvalidCommand.Reply"/> gives the answer.</summary>
public enum SmtpCommandError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>500 5.5.2: not a command this server knows, or an empty line.</summary>
    UnrecognizedCommand,

    /// <summary>
    /// 500 5.5.2, then close: an HTTP request or another protocol (a line that does not start with
    /// a letter, or CONNECT/GET/POST as in Postfix's smtpd_forbidden_commands).
    /// </summary>
    NonSmtpCommand,

    /// <summary>500 5.5.2: no CRLF within the line limit. Nothing is consumed; see <see cref="Parsing.SmtpCommandParser.TrySkipLine"/>.</summary>
    LineTooLong,

    /// <summary>500 5.5.6 (RFC 4954 §4): an AUTH line with no CRLF within the AUTH line limit. Nothing is consumed.</summary>
    AuthLineTooLong,

    /// <summary>500 5.5.2: the line ended in LF without CR.</summary>
    BareLineFeed,

    /// <summary>500 5.5.2: the line held a CR not followed by LF.</summary>
    BareCarriageReturn,

    /// <summary>500 5.5.2: the line held a NUL octet.</summary>
    NulCharacter,

    /// <summary>502 5.5.1: a command RFC 5321 or its extensions define that this server does not implement (EXPN, TURN, ETRN...).</summary>
    NotImplemented,

    /// <summary>501 5.5.4: arguments where none are allowed, missing arguments, or bad syntax around them.</summary>
    InvalidArguments,

    /// <summary>501 5.1.7: the MAIL reverse-path is not a valid path.</summary>
    InvalidSenderAddress,

    /// <summary>501 5.1.3: the RCPT forward-path is not a valid path.</summary>
    InvalidRecipientAddress,

    /// <summary>501 5.5.4: a known MAIL or RCPT parameter with a malformed value (or a value where none is allowed).</summary>
    InvalidParameterValue,

    /// <summary>501 5.5.4: the same parameter twice.</summary>
    DuplicateParameter,

    /// <summary>555 5.5.4 (RFC 5321 §4.1.1.11): a MAIL or RCPT parameter this server does not know.</summary>
    UnknownParameter,

    /// <summary>501 5.5.2 (RFC 4954 §4): the AUTH initial response or a SASL response is not base64.</summary>
    InvalidBase64,

    /// <summary>501 5.5.4: XCLIENT with an unknown attribute name or a malformed value.</summary>
    InvalidXClientAttribute,
}
