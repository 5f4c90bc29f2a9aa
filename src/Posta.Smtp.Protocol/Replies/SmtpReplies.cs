namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// The standard replies, each with the RFC that defines its code and enhanced status code
/// (RFC 5321 §4.2.2-4.2.3 for codes, RFC 3463 and the RFC 5248 registry for enhanced codes).
/// Texts follow what Postfix sends, so administrators and log parsers recognise them. Use
/// <see cref="SmtpReply.WithText"/> to name the address concerned.
/// </summary>
public static class SmtpReplies
{
    // 2yz

    /// <summary>250 2.0.0 (RFC 5321 §4.2.2; RFC 3463 X.0.0): the generic success.</summary>
    public static SmtpReply Ok { get; } = Reply(250, 2, 0, 0, "Ok");

    /// <summary>250 2.1.0 (RFC 3463 X.1.0): MAIL accepted.</summary>
    public static SmtpReply SenderOk { get; } = Reply(250, 2, 1, 0, "Ok");

    /// <summary>250 2.1.5 (RFC 3463 X.1.5 "destination address valid"): RCPT accepted.</summary>
    public static SmtpReply RecipientOk { get; } = Reply(250, 2, 1, 5, "Ok");

    /// <summary>250 2.0.0 (RFC 5321 §4.1.1.4): the message is safely stored; append the queue id.</summary>
    public static SmtpReply Queued { get; } = Reply(250, 2, 0, 0, "Ok: queued");

    /// <summary>221 2.0.0 (RFC 5321 §4.1.1.10): the answer to QUIT.</summary>
    public static SmtpReply Closing { get; } = Reply(221, 2, 0, 0, "Bye");

    /// <summary>220 2.0.0 (RFC 3207 §4): the answer to STARTTLS before the handshake.</summary>
    public static SmtpReply ReadyToStartTls { get; } = Reply(220, 2, 0, 0, "Ready to start TLS");

    /// <summary>235 2.7.0 (RFC 4954 §6): authentication succeeded.</summary>
    public static SmtpReply AuthSucceeded { get; } = Reply(235, 2, 7, 0, "Authentication successful");

    /// <summary>214 2.0.0 (RFC 5321 §4.1.1.8): the answer to HELP.</summary>
    public static SmtpReply Help { get; } = Reply(214, 2, 0, 0, "See RFC 5321");

    /// <summary>
    /// 252 2.0.0 (RFC 5321 §3.5.3): VRFY does not disclose whether the address exists, but mail
    /// to it will be attempted.
    /// </summary>
    public static SmtpReply CannotVerify { get; } = Reply(252, 2, 0, 0, "Cannot VRFY user, but will accept message and attempt delivery");

    // 3yz: RFC 2034 §3 puts no enhanced code on intermediate replies.

    /// <summary>354 (RFC 5321 §4.2.2): send the message content.</summary>
    public static SmtpReply StartMailInput { get; } = new(354, null, "End data with <CR><LF>.<CR><LF>");

    // 4yz

    /// <summary>421 4.3.2 (RFC 5321 §3.8; RFC 3463 X.3.2 "system not accepting network messages"): closing, e.g. on shutdown.</summary>
    public static SmtpReply ServiceNotAvailable { get; } = Reply(421, 4, 3, 2, "Service not available, closing transmission channel");

    /// <summary>421 4.4.2 (RFC 5321 §4.5.3.2; RFC 3463 X.4.2 "bad connection"): the client was idle too long.</summary>
    public static SmtpReply Timeout { get; } = Reply(421, 4, 4, 2, "Error: timeout exceeded");

    /// <summary>421 4.7.0 (RFC 3463 X.7.0): the client made too many errors (Postfix smtpd_hard_error_limit).</summary>
    public static SmtpReply TooManyErrors { get; } = Reply(421, 4, 7, 0, "Error: too many errors");

    /// <summary>451 4.3.0 (RFC 5321 §4.2.3; RFC 3463 X.3.0): local error in processing, try again.</summary>
    public static SmtpReply LocalError { get; } = Reply(451, 4, 3, 0, "Error: local error in processing");

    /// <summary>452 4.3.1 (RFC 5321 §4.2.3; RFC 3463 X.3.1 "mail system full").</summary>
    public static SmtpReply InsufficientStorage { get; } = Reply(452, 4, 3, 1, "Error: insufficient system storage");

    /// <summary>452 4.5.3 (RFC 5321 §4.5.3.1.10; RFC 3463 X.5.3): more recipients than the server takes in one transaction.</summary>
    public static SmtpReply TooManyRecipients { get; } = Reply(452, 4, 5, 3, "Error: too many recipients");

    /// <summary>454 4.7.0 (RFC 3207 §4): TLS cannot start now.</summary>
    public static SmtpReply TlsNotAvailable { get; } = Reply(454, 4, 7, 0, "TLS not available due to temporary reason");

    /// <summary>454 4.7.0 (RFC 4954 §6): authentication failed for a temporary reason.</summary>
    public static SmtpReply TemporaryAuthFailure { get; } = Reply(454, 4, 7, 0, "Temporary authentication failure");

    // 5yz: syntax and sequence

    /// <summary>500 5.5.2 (RFC 5321 §4.2.3; RFC 3463 X.5.2): unrecognised command or bad syntax.</summary>
    public static SmtpReply SyntaxError { get; } = Reply(500, 5, 5, 2, "Error: command not recognized");

    /// <summary>500 5.5.2 (RFC 5321 §4.2.3 "command line too long").</summary>
    public static SmtpReply LineTooLong { get; } = Reply(500, 5, 5, 2, "Error: line too long");

    /// <summary>500 5.5.6 (RFC 4954 §4, §6): an AUTH line exceeded the server's limit.</summary>
    public static SmtpReply AuthLineTooLong { get; } = Reply(500, 5, 5, 6, "Authentication Exchange line is too long");

    /// <summary>500 5.5.2: a command line ended in a bare LF (RFC 5321 §2.3.8 requires CRLF).</summary>
    public static SmtpReply CommandBareLineFeed { get; } = Reply(500, 5, 5, 2, "Error: bare <LF> received");

    /// <summary>500 5.5.2: a command line held a CR not followed by LF.</summary>
    public static SmtpReply CommandBareCarriageReturn { get; } = Reply(500, 5, 5, 2, "Error: bare <CR> received");

    /// <summary>500 5.5.2: a command line held a NUL octet.</summary>
    public static SmtpReply CommandNul { get; } = Reply(500, 5, 5, 2, "Error: NUL character received");

    /// <summary>501 5.5.4 (RFC 5321 §4.2.3; RFC 3463 X.5.4 "invalid command arguments").</summary>
    public static SmtpReply ParamSyntax { get; } = Reply(501, 5, 5, 4, "Syntax error in parameters or arguments");

    /// <summary>501 5.1.7 (RFC 3463 X.1.7 "bad sender's mailbox address syntax").</summary>
    public static SmtpReply BadSenderSyntax { get; } = Reply(501, 5, 1, 7, "Bad sender address syntax");

    /// <summary>501 5.1.3 (RFC 3463 X.1.3 "bad destination mailbox address syntax").</summary>
    public static SmtpReply BadRecipientSyntax { get; } = Reply(501, 5, 1, 3, "Bad recipient address syntax");

    /// <summary>501 5.5.2 (RFC 4954 §4): the client's SASL response is not base64.</summary>
    public static SmtpReply InvalidBase64 { get; } = Reply(501, 5, 5, 2, "Cannot Base64-decode client response");

    /// <summary>501 5.0.0 (RFC 4954 §4): the client cancelled the exchange with "*".</summary>
    public static SmtpReply AuthCancelled { get; } = Reply(501, 5, 0, 0, "Authentication cancelled");

    /// <summary>502 5.5.1 (RFC 5321 §4.2.3; RFC 3463 X.5.1 "invalid command"): a known command this server does not implement.</summary>
    public static SmtpReply NotImplemented { get; } = Reply(502, 5, 5, 1, "Error: command not implemented");

    /// <summary>502 5.5.1: VRFY is turned off (Postfix disable_vrfy_command).</summary>
    public static SmtpReply VrfyDisabled { get; } = Reply(502, 5, 5, 1, "VRFY command is disabled");

    /// <summary>503 5.5.1 (RFC 5321 §4.2.3; RFC 3463 X.5.1): command out of sequence.</summary>
    public static SmtpReply BadSequence { get; } = Reply(503, 5, 5, 1, "Error: bad sequence of commands");

    /// <summary>503 5.5.1: MAIL, RCPT, DATA, AUTH or STARTTLS before EHLO/HELO.</summary>
    public static SmtpReply SendHeloFirst { get; } = Reply(503, 5, 5, 1, "Error: send HELO/EHLO first");

    /// <summary>503 5.5.1: RCPT, DATA or BDAT before MAIL.</summary>
    public static SmtpReply NeedMail { get; } = Reply(503, 5, 5, 1, "Error: need MAIL command");

    /// <summary>503 5.5.1 (RFC 5321 §4.1.1.4): DATA or BDAT before any accepted RCPT.</summary>
    public static SmtpReply NeedRcpt { get; } = Reply(503, 5, 5, 1, "Error: need RCPT command");

    /// <summary>503 5.5.1: MAIL inside a transaction.</summary>
    public static SmtpReply NestedMail { get; } = Reply(503, 5, 5, 1, "Error: nested MAIL command");

    /// <summary>503 5.5.1 (RFC 4954 §4 for AUTH): AUTH, STARTTLS or XCLIENT inside a mail transaction.</summary>
    public static SmtpReply TransactionInProgress { get; } = Reply(503, 5, 5, 1, "Error: MAIL transaction in progress");

    /// <summary>503 5.5.1 (RFC 4954 §4): AUTH after a successful AUTH.</summary>
    public static SmtpReply AlreadyAuthenticated { get; } = Reply(503, 5, 5, 1, "Error: already authenticated");

    /// <summary>503 5.5.1 (RFC 3030 §2): DATA, MAIL or RCPT while BDAT chunks are being sent.</summary>
    public static SmtpReply BdatInProgress { get; } = Reply(503, 5, 5, 1, "Error: BDAT transfer in progress; send BDAT or RSET");

    /// <summary>504 5.5.4 (RFC 4954 §4): an AUTH mechanism the server does not offer.</summary>
    public static SmtpReply UnrecognizedAuthMechanism { get; } = Reply(504, 5, 5, 4, "Unrecognized authentication type");

    /// <summary>555 5.5.4 (RFC 5321 §4.1.1.11, §4.2.3): a MAIL or RCPT parameter that is not recognised or not implemented.</summary>
    public static SmtpReply UnknownParameter { get; } = Reply(555, 5, 5, 4, "Unsupported option");

    /// <summary>500 5.5.2: an HTTP request or other foreign protocol (Postfix smtpd_forbidden_commands); close after it.</summary>
    public static SmtpReply NonSmtpCommand { get; } = Reply(500, 5, 5, 2, "Error: non-SMTP command");

    // 5yz: security

    /// <summary>530 5.7.0 (RFC 4954 §6): authenticate first (submission).</summary>
    public static SmtpReply NeedAuth { get; } = Reply(530, 5, 7, 0, "Authentication required");

    /// <summary>530 5.7.0 (RFC 3207 §4): the server requires TLS before this command.</summary>
    public static SmtpReply MustStartTls { get; } = Reply(530, 5, 7, 0, "Must issue a STARTTLS command first");

    /// <summary>
    /// 538 5.7.11 (RFC 4954 §6; RFC 5248 X.7.11): the mechanism needs an encrypted connection
    /// (plaintext AUTH refused outside TLS).
    /// </summary>
    public static SmtpReply EncryptionRequired { get; } = Reply(538, 5, 7, 11, "Encryption required for requested authentication mechanism");

    /// <summary>534 5.7.9 (RFC 4954 §6): the mechanism is too weak by policy.</summary>
    public static SmtpReply AuthMechanismTooWeak { get; } = Reply(534, 5, 7, 9, "Authentication mechanism is too weak");

    /// <summary>535 5.7.8 (RFC 4954 §6): wrong credentials.</summary>
    public static SmtpReply AuthFailed { get; } = Reply(535, 5, 7, 8, "Error: authentication failed");

    /// <summary>554 5.7.1 (RFC 5321 §3.6.2; RFC 3463 X.7.1 "delivery not authorized"): the server does not relay for this client.</summary>
    public static SmtpReply RelayDenied { get; } = Reply(554, 5, 7, 1, "Relay access denied");

    /// <summary>553 5.7.1 (RFC 3463 X.7.1): the authenticated user may not send as this address.</summary>
    public static SmtpReply SenderNotOwned { get; } = Reply(553, 5, 7, 1, "Sender address rejected: not owned by user");

    /// <summary>550 5.7.0 (RFC 3463 X.7.0): XCLIENT from a client that is not an authorised proxy.</summary>
    public static SmtpReply XClientDenied { get; } = Reply(550, 5, 7, 0, "Error: insufficient authorization");

    // 5yz: addresses and transactions

    /// <summary>550 5.1.1 (RFC 5321 §4.2.3; RFC 3463 X.1.1 "bad destination mailbox address"): no such user.</summary>
    public static SmtpReply MailboxUnavailable { get; } = Reply(550, 5, 1, 1, "Recipient address rejected: User unknown");

    /// <summary>553 5.6.7 (RFC 6531 §3.5): a non-ASCII recipient without SMTPUTF8.</summary>
    public static SmtpReply NonAsciiRecipient { get; } = Reply(553, 5, 6, 7, "Non-ASCII addresses not permitted for that recipient");

    /// <summary>550 5.6.7 (RFC 6531 §3.5): a non-ASCII sender without SMTPUTF8.</summary>
    public static SmtpReply NonAsciiSender { get; } = Reply(550, 5, 6, 7, "Non-ASCII addresses not permitted for that sender");

    /// <summary>552 5.3.4 (RFC 1870 §6; RFC 3463 X.3.4 "message too big for system").</summary>
    public static SmtpReply MessageTooBig { get; } = Reply(552, 5, 3, 4, "Error: message size exceeds fixed limit");

    /// <summary>554 5.5.0 (RFC 5321 §4.2.3 "transaction failed"; RFC 3463 X.5.0).</summary>
    public static SmtpReply TransactionFailed { get; } = Reply(554, 5, 5, 0, "Transaction failed");

    /// <summary>554 5.5.1 (RFC 5321 §3.3): DATA when every RCPT was refused.</summary>
    public static SmtpReply NoValidRecipients { get; } = Reply(554, 5, 5, 1, "Error: no valid recipients");

    // 5yz: content (answered after the end of data)

    /// <summary>
    /// 550 5.5.2: the message held a bare LF: lines end in CRLF (RFC 5321 §2.3.8), and a lenient
    /// server is one half of SMTP smuggling (https://www.postfix.org/smtp-smuggling.html).
    /// </summary>
    public static SmtpReply BareLineFeed { get; } = Reply(550, 5, 5, 2, "Error: bare <LF> received");

    /// <summary>550 5.5.2: the message held a CR not followed by LF (same reasons as <see cref="BareLineFeed"/>).</summary>
    public static SmtpReply BareCarriageReturn { get; } = Reply(550, 5, 5, 2, "Error: bare <CR> received");

    /// <summary>550 5.6.0 (RFC 3463 X.6.0): the message held a NUL octet, which RFC 5322 §2.3 forbids.</summary>
    public static SmtpReply NulInMessage { get; } = Reply(550, 5, 6, 0, "Error: message contains NUL characters");

    /// <summary>The 220 greeting (RFC 5321 §4.2, §3.1): the server's domain first; no enhanced code (RFC 2034 §3).</summary>
    /// <param name="domain">The server's host name.</param>
    /// <param name="text">What follows the name, e.g. "ESMTP".</param>
    public static SmtpReply ServiceReady(string domain, string text = "ESMTP")
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return new SmtpReply(220, null, string.IsNullOrEmpty(text) ? domain : string.Concat(domain, " ", text));
    }

    /// <summary>The 250 answer to HELO: the server's domain; no enhanced code (RFC 2034 §3).</summary>
    public static SmtpReply HeloOk(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return new SmtpReply(250, null, domain);
    }

    /// <summary>334 (RFC 4954 §4): a SASL challenge, base64-encoded ("" for an empty one).</summary>
    public static SmtpReply AuthChallenge(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return new SmtpReply(334, null, base64);
    }

    private static SmtpReply Reply(int code, int @class, int subject, int detail, string text) =>
        new(code, new EnhancedStatusCode(@class, subject, detail), text);
}
