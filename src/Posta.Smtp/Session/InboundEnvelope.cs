using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Session;

/// <summary>What the SMTP session knows of a received message, for <see cref="MessageDispatcher"/>.</summary>
/// <param name="Id">The transaction id (also the queue id).</param>
/// <param name="Sender">The reverse-path, "" for the null path.</param>
/// <param name="Parameters">The MAIL parameters (DSN, body type, SMTPUTF8, REQUIRETLS).</param>
/// <param name="Recipients">The accepted recipients in RCPT order.</param>
/// <param name="Account">The authenticated user, or null.</param>
/// <param name="Client">The client's address, for the queue's records.</param>
/// <param name="Received">When the content ended.</param>
internal sealed record InboundEnvelope(
    string Id,
    string Sender,
    MailParameters Parameters,
    IReadOnlyList<SmtpRecipient> Recipients,
    string? Account,
    string Client,
    DateTimeOffset Received);
