using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// A command line the parser refused. Except for <see cref="SmtpCommandError.LineTooLong"/> and
/// <see cref="SmtpCommandError.AuthLineTooLong"/>, the line has been consumed, so the session
/// answers <see cref="Reply"/> and reads the next command (a command error, STYLE.md convention
/// 7) — unless <see cref="IsProtocolError"/>.
/// </summary>
/// <param name="Verb">The command word when it was recognised, otherwise <see cref="SmtpVerb.Unknown"/>.</param>
/// <param name="Error">What was wrong.</param>
/// <param name="Detail">The offending parameter or attribute name, ASCII-only and short; null when none.</param>
public sealed record InvalidCommand(SmtpVerb Verb, SmtpCommandError Error, string? Detail = null) : SmtpCommand(Verb)
{
    /// <summary>
    /// True when the session cannot go on after answering: a foreign protocol, or a malformed
    /// BDAT, whose chunk of unknown length follows on the wire.
    /// </summary>
    public bool IsProtocolError => Error == SmtpCommandError.NonSmtpCommand || Verb == SmtpVerb.Bdat;

    /// <summary>The reply for this error.</summary>
    public SmtpReply Reply => Error switch
    {
        SmtpCommandError.NonSmtpCommand => SmtpReplies.NonSmtpCommand,
        SmtpCommandError.LineTooLong => SmtpReplies.LineTooLong,
        SmtpCommandError.AuthLineTooLong => SmtpReplies.AuthLineTooLong,
        SmtpCommandError.BareLineFeed => SmtpReplies.CommandBareLineFeed,
        SmtpCommandError.BareCarriageReturn => SmtpReplies.CommandBareCarriageReturn,
        SmtpCommandError.NulCharacter => SmtpReplies.CommandNul,
        SmtpCommandError.NotImplemented => SmtpReplies.NotImplemented,
        SmtpCommandError.InvalidArguments => SmtpReplies.ParamSyntax.WithText(SyntaxHint()),
        SmtpCommandError.InvalidSenderAddress => SmtpReplies.BadSenderSyntax,
        SmtpCommandError.InvalidRecipientAddress => SmtpReplies.BadRecipientSyntax,
        SmtpCommandError.InvalidParameterValue => SmtpReplies.ParamSyntax.WithText($"Bad {Detail} parameter syntax"),
        SmtpCommandError.DuplicateParameter => SmtpReplies.ParamSyntax.WithText($"Duplicate {Detail} parameter"),
        SmtpCommandError.UnknownParameter => SmtpReplies.UnknownParameter.WithText($"Unsupported option: {Detail}"),
        SmtpCommandError.InvalidBase64 => SmtpReplies.InvalidBase64,
        SmtpCommandError.InvalidXClientAttribute => SmtpReplies.ParamSyntax.WithText($"Bad XCLIENT attribute: {Detail}"),
        _ => SmtpReplies.SyntaxError,
    };

    private string SyntaxHint() => Verb switch
    {
        SmtpVerb.Ehlo => "Syntax: EHLO hostname",
        SmtpVerb.Helo => "Syntax: HELO hostname",
        SmtpVerb.Lhlo => "Syntax: LHLO hostname",
        SmtpVerb.Mail => "Syntax: MAIL FROM:<address>",
        SmtpVerb.Rcpt => "Syntax: RCPT TO:<address>",
        SmtpVerb.Bdat => "Syntax: BDAT size [LAST]",
        SmtpVerb.Vrfy => "Syntax: VRFY address [SMTPUTF8]",
        SmtpVerb.Auth => "Syntax: AUTH mechanism [initial-response]",
        SmtpVerb.XClient => "Syntax: XCLIENT attribute=value...",
        SmtpVerb.Data => "Syntax: DATA",
        SmtpVerb.Rset => "Syntax: RSET",
        SmtpVerb.Quit => "Syntax: QUIT",
        SmtpVerb.StartTls => "Syntax: STARTTLS",
        _ => "Syntax error in parameters or arguments",
    };
}
