using System.Diagnostics;
using System.Globalization;
using System.Text;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Outbound.Client;

/// <summary>The mail transaction: MAIL, RCPT, then DATA or BDAT.</summary>
public sealed partial class SmtpClientSession
{
    /// <summary>
    /// Sends one message: MAIL FROM, the RCPTs (one pipelined group with DATA when the server
    /// offers PIPELINING, RFC 2920), then the content from <paramref name="content"/>'s position
    /// to its end, streamed block by block — DATA with dot-stuffing, or BDAT when
    /// <see cref="SmtpClientOptions.UseChunking"/> and the server offers CHUNKING. Line endings are
    /// made CRLF and a final CRLF is added when missing.
    /// </summary>
    /// <returns>
    /// The outcome per recipient: for SMTP the RCPT reply, and for accepted recipients the one
    /// reply to the content; for LMTP each accepted recipient's own reply (RFC 2033 §4.2). After
    /// a transaction that did not complete (every RCPT refused, DATA refused) the session sends
    /// RSET, so it is ready for the next one.
    /// </returns>
    /// <exception cref="ArgumentException">The envelope has no recipient.</exception>
    /// <exception cref="SmtpLocalRefusalException">The message cannot go to this server as it stands; nothing was sent.</exception>
    /// <exception cref="SmtpProtocolException">The server broke the protocol or the connection failed; see <see cref="SmtpClientException.SettledRecipients"/>.</exception>
    /// <exception cref="SmtpTimeoutException">A reply or write took too long; see <see cref="SmtpClientException.SettledRecipients"/>.</exception>
    public async Task<TransactionResult> SendAsync(Envelope envelope, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(envelope.Sender, nameof(envelope));
        if (envelope.Recipients is not { Count: > 0 })
        {
            throw new ArgumentException("An envelope has at least one recipient.", nameof(envelope));
        }

        Enter();
        var settled = new RecipientResult?[envelope.Recipients.Count];
        try
        {
            var result = await TransactAsync(envelope, content, settled, cancellationToken);
            Log.TransactionDone(
                _logger,
                envelope.Sender,
                result.Recipients.Count(r => r.Delivered),
                result.Recipients.Count,
                (result.DataReply ?? result.Recipients[^1].Reply).ToString());
            return result;
        }
        catch (Exception e)
        {
            if (e is SmtpClientException failure)
            {
                failure.SettledRecipients = settled.OfType<RecipientResult>().ToArray();
            }

            if (e is SmtpLocalRefusalException refusal)
            {
                Log.RefusedLocally(_logger, envelope.Sender, refusal.LocalReply.ToString());
            }

            if (ClosesSession(e))
            {
                await FailAsync(e);
            }

            throw;
        }
        finally
        {
            Exit();
        }
    }

    private static SmtpReply? Closing(SmtpReply reply) => reply.Code == 421 ? reply : null;

    private static SmtpLocalRefusalException Refuse(LocalRefusalReason reason, int code, int subject, int detail, string text) =>
        new(reason, new SmtpReply(code, new EnhancedStatusCode(code / 100, subject, detail), text));

    private async Task<TransactionResult> TransactAsync(Envelope envelope, Stream content, RecipientResult?[] settled, CancellationToken cancellationToken)
    {
        var capabilities = Capabilities;
        var recipients = envelope.Recipients;
        var binary = envelope.Body == BodyType.BinaryMime;
        var chunked = binary || (_options.UseChunking && capabilities.Chunking);
        var size = envelope.Size ?? (content.CanSeek ? content.Length - content.Position : null);
        var smtpUtf8 = envelope.SmtpUtf8 || !Ascii.IsValid(envelope.Sender) || recipients.Any(r => !Ascii.IsValid(r.Address));
        var dsn = capabilities.Dsn;
        CheckSendable(envelope, capabilities, size, smtpUtf8);

        var mail = EnvelopeCommands.Mail(envelope, capabilities, size, smtpUtf8, dsn, out var mailRefusal)
            ?? throw new SmtpLocalRefusalException(LocalRefusalReason.InvalidEnvelope, mailRefusal!);
        var lines = new byte[]?[recipients.Count];
        for (var i = 0; i < recipients.Count; i++)
        {
            lines[i] = EnvelopeCommands.Rcpt(recipients[i], dsn, out var refusal);
            if (lines[i] is null)
            {
                settled[i] = new RecipientResult(recipients[i], refusal!, Accepted: false, Delivered: false);
            }
        }

        if (Array.TrueForAll(lines, l => l is null))
        {
            throw new SmtpLocalRefusalException(LocalRefusalReason.InvalidEnvelope, settled[0]!.Reply);
        }

        // The envelope, pipelined or one command at a time.
        var rcptReplies = new SmtpReply?[recipients.Count];
        SmtpReply mailReply;
        SmtpReply? dataCommandReply = null;
        SmtpReply? closing;
        if (capabilities.Pipelining)
        {
            (mailReply, dataCommandReply, closing) = await PipelinedEnvelopeAsync(mail, lines, rcptReplies, sendData: !chunked, cancellationToken);
        }
        else
        {
            mailReply = await LineAsync(mail, "MAIL FROM", _options.MailTimeout, cancellationToken);
            closing = Closing(mailReply);
            for (var i = 0; i < lines.Length && mailReply.IsPositiveCompletion && closing is null; i++)
            {
                if (lines[i] is { } line)
                {
                    rcptReplies[i] = await LineAsync(line, "RCPT TO", _options.RcptTimeout, cancellationToken);
                    closing = Closing(rcptReplies[i]!);
                }
            }
        }

        var accepted = new List<int>(recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            if (settled[i] is not null)
            {
                continue;
            }

            var reply = !mailReply.IsPositiveCompletion ? mailReply : rcptReplies[i] ?? closing!;
            if (reply.IsPositiveCompletion)
            {
                accepted.Add(i);
            }
            else
            {
                settled[i] = new RecipientResult(recipients[i], reply, Accepted: false, Delivered: false);
            }
        }

        // The content.
        SmtpReply? dataReply = null;
        var ended = false;

        // A broken server may still say 354 to a pipelined DATA after refusing MAIL: end that too.
        if (closing is null && (mailReply.IsPositiveCompletion || dataCommandReply?.Code == 354))
        {
            var allowEightBit = capabilities.EightBitMime || binary;
            ContentOutcome outcome;
            if (chunked)
            {
                outcome = accepted.Count == 0
                    ? default
                    : await SendChunksAsync(content, binary, allowEightBit, recipients, accepted, settled, cancellationToken);
            }
            else
            {
                if (dataCommandReply is null && accepted.Count > 0)
                {
                    dataCommandReply = await LineAsync("DATA\r\n"u8.ToArray(), "DATA", _options.DataInitiationTimeout, cancellationToken);
                }

                outcome = dataCommandReply switch
                {
                    null => default,

                    // RFC 2920 §3.1: DATA accepted in a pipelined group with no recipient: end it at once.
                    { Code: 354 } when accepted.Count == 0 => await EndEmptyDataAsync(cancellationToken),
                    { Code: 354 } => await SendDataAsync(content, allowEightBit, recipients, accepted, settled, cancellationToken),
                    _ => new ContentOutcome(dataCommandReply, Ended: false, Closing(dataCommandReply)),
                };
            }

            (dataReply, ended, closing) = outcome;
        }

        foreach (var i in accepted)
        {
            settled[i] ??= new RecipientResult(
                recipients[i],
                dataReply ?? closing ?? throw new UnreachableException("An accepted recipient is settled by the content's reply."),
                Accepted: true,
                Delivered: false);
        }

        var result = new TransactionResult(mailReply, settled.Select(r => r!).ToArray(), dataReply, dsn);
        if (closing is not null)
        {
            // RFC 5321 §3.8: 421 — the server is closing the connection.
            Log.ConversationFailed(_logger, "the server is closing the connection: " + closing);
            await CloseAsync();
        }
        else if (mailReply.IsPositiveCompletion && !ended)
        {
            await ResetAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Refuses, before anything is sent, what this server cannot take.</summary>
    private void CheckSendable(Envelope envelope, ServerCapabilities capabilities, long? size, bool smtpUtf8)
    {
        if (envelope.Body == BodyType.BinaryMime && !(capabilities.Chunking && capabilities.BinaryMime))
        {
            // RFC 3463 X.6.3 "conversion required but not supported".
            throw Refuse(LocalRefusalReason.BinaryNotSupported, 554, 6, 3, "Binary content, but the server does not offer CHUNKING and BINARYMIME");
        }

        if (envelope.Body == BodyType.EightBitMime && !capabilities.EightBitMime)
        {
            throw Refuse(LocalRefusalReason.EightBitNotSupported, 554, 6, 3, "8-bit content, but the server does not offer 8BITMIME");
        }

        if (smtpUtf8 && !capabilities.SmtpUtf8)
        {
            // RFC 6531 §3.2 and X.6.7 of its registry entries, as Postfix reports it.
            throw Refuse(LocalRefusalReason.SmtpUtf8NotSupported, 553, 6, 7, "SMTPUTF8 is required, but the server does not offer it");
        }

        if (envelope.RequireTls && !(IsEncrypted && capabilities.RequireTls))
        {
            // RFC 8689 §5: X.7.30 "REQUIRETLS support required".
            throw Refuse(LocalRefusalReason.RequireTlsNotSupported, 550, 7, 30, "REQUIRETLS support required");
        }

        if (size is { } octets && capabilities.MaxMessageSize is > 0 and var limit && octets > limit)
        {
            // RFC 1870 §4, RFC 3463 X.3.4 "message too big for system".
            throw Refuse(
                LocalRefusalReason.MessageTooLarge,
                552,
                3,
                4,
                string.Create(CultureInfo.InvariantCulture, $"Message size {octets} exceeds the server's limit of {limit} octets"));
        }
    }

    /// <summary>
    /// MAIL, every RCPT and (unless BDAT follows) DATA in one write, then their replies in order.
    /// Replies are read while the group is still being written, so a group larger than the
    /// socket buffers cannot deadlock (RFC 2920 §3.4).
    /// </summary>
    private async Task<(SmtpReply Mail, SmtpReply? Data, SmtpReply? Closing)> PipelinedEnvelopeAsync(
        byte[] mail, byte[]?[] lines, SmtpReply?[] rcptReplies, bool sendData, CancellationToken cancellationToken)
    {
        Send(mail);
        foreach (var line in lines)
        {
            if (line is not null)
            {
                Send(line);
            }
        }

        if (sendData)
        {
            Send("DATA\r\n"u8);
        }

        var write = _connection.FlushAsync("sending the MAIL, RCPT and DATA group", _options.MailTimeout, cancellationToken).AsTask();
        SmtpReply mailReply;
        SmtpReply? dataReply = null;
        SmtpReply? closing;
        try
        {
            mailReply = await ReadAsync("the reply to MAIL FROM", _options.MailTimeout, cancellationToken);
            closing = Closing(mailReply);
            for (var i = 0; i < lines.Length && closing is null; i++)
            {
                if (lines[i] is not null)
                {
                    rcptReplies[i] = await ReadAsync("the reply to RCPT TO", _options.RcptTimeout, cancellationToken);
                    closing = Closing(rcptReplies[i]!);
                }
            }

            if (sendData && closing is null)
            {
                dataReply = await ReadAsync("the reply to DATA", _options.DataInitiationTimeout, cancellationToken);
                closing = Closing(dataReply);
            }
        }
        catch
        {
            // The session closes, which ends the write; its failure says nothing more.
            _ = write.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        if (closing is null)
        {
            await write;
        }
        else
        {
            _ = write.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return (mailReply, dataReply, closing);
    }

    /// <summary>Sends one envelope command line and reads its reply.</summary>
    private async ValueTask<SmtpReply> LineAsync(byte[] line, string verb, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Send(line);
        await _connection.FlushAsync("sending " + verb, timeout, cancellationToken);
        return await ReadAsync("the reply to " + verb, timeout, cancellationToken);
    }

    /// <summary>After a 354 with no recipient accepted: the end-of-data mark alone, and its reply.</summary>
    private async Task<ContentOutcome> EndEmptyDataAsync(CancellationToken cancellationToken)
    {
        await _connection.WriteAsync(".\r\n"u8.ToArray(), "the end of data", _options.DataBlockTimeout, cancellationToken);
        var reply = await ReadAsync("the reply to the end of data", _options.DataTerminationTimeout, cancellationToken);
        return new ContentOutcome(reply, Ended: true, Closing(reply));
    }

    /// <summary>
    /// The replies after the end of the content: one for SMTP, which settles every accepted
    /// recipient; one per accepted recipient, in RCPT order, for LMTP (RFC 2033 §4.2).
    /// </summary>
    private async Task<ContentOutcome> ReadContentRepliesAsync(
        string waitingFor, IReadOnlyList<EnvelopeRecipient> recipients, List<int> accepted, RecipientResult?[] settled, CancellationToken cancellationToken)
    {
        if (Dialect == SmtpDialect.Smtp)
        {
            var reply = await ReadAsync(waitingFor, _options.DataTerminationTimeout, cancellationToken);
            foreach (var i in accepted)
            {
                settled[i] = new RecipientResult(recipients[i], reply, Accepted: true, reply.IsPositiveCompletion);
            }

            return new ContentOutcome(reply, Ended: true, Closing(reply));
        }

        SmtpReply? closing = null;
        foreach (var i in accepted)
        {
            var reply = closing ?? await ReadAsync(
                string.Create(CultureInfo.InvariantCulture, $"{waitingFor} for <{recipients[i].Address}>"),
                _options.DataTerminationTimeout,
                cancellationToken);
            closing ??= Closing(reply);
            settled[i] = new RecipientResult(recipients[i], reply, Accepted: true, reply.IsPositiveCompletion);
        }

        return new ContentOutcome(null, Ended: true, closing);
    }

    /// <summary>RSET after a transaction that did not end; a session whose RSET fails is closed rather than trusted.</summary>
    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await CommandAsync("RSET", _options.CommandTimeout, cancellationToken);
            if (!reply.IsPositiveCompletion)
            {
                await FailAsync(new SmtpCommandException("RSET", reply));
            }
        }
        catch (SmtpClientException e)
        {
            await FailAsync(e);
        }
    }
}
