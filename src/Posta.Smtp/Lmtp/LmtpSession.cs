using System.Buffers;
using System.Data.Common;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Posta.Hosting;
using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;
using Posta.Smtp.Session;

namespace Posta.Smtp.Lmtp;

/// <summary>
/// One LMTP connection (RFC 2033): reads commands from the transport pipe, answers each in order
/// (pipelined commands get their replies in one flush), spools DATA to a temporary file through
/// <see cref="SmtpDataDecoder"/> and answers once per accepted recipient after the store.
/// </summary>
/// <remarks>
/// Two classes of error (STYLE.md 7): a command error is answered and the session goes on; a
/// protocol error (foreign protocol, BDAT, too many errors, idle timeout, shutdown) is answered
/// and the connection closed.
/// </remarks>
internal sealed class LmtpSession(
    ConnectionContext connection,
    IConnectionInfo info,
    LocalDeliveryOptions options,
    LocalRecipientChecker checker,
    LocalDelivery delivery,
    ILogger logger,
    TimeProvider timeProvider)
{
    /// <summary>Postfix's smtpd_hard_error_limit default: the client is disconnected at 20 errors.</summary>
    internal const int HardErrorLimit = 20;

    private static readonly SmtpStateTable Table = SmtpStateTable.Lmtp;

    private static readonly SmtpReply ShuttingDown = SmtpReplies.ServiceNotAvailable.WithText("Server shutting down, closing transmission channel");

    private readonly List<ReadOnlySequence<byte>> _chunks = [];
    private readonly SmtpReply _lhloReply = new SmtpExtensions
    {
        Pipelining = true,
        MaxMessageSize = options.MaxMessageSize,
        EightBitMime = true,
        SmtpUtf8 = true,
        EnhancedStatusCodes = true,
    }.EhloReply(options.Hostname);

    private SmtpState _state = SmtpState.Connected;
    private string _clientName = "unknown";
    private LmtpTransaction? _transaction;
    private SmtpDataDecoder? _decoder;
    private SpooledMessage? _spool;
    private bool _skippingLine;
    private bool _close;
    private int _errors;

    /// <summary>Runs the session until QUIT, a protocol error, end of input, idle timeout or shutdown.</summary>
    public async Task RunAsync()
    {
        var input = connection.Transport.Input;
        try
        {
            Write(SmtpReplies.ServiceReady(options.Hostname, "LMTP Posta ready"));
            if (!await FlushAsync())
            {
                return;
            }

            // Wakes the pending read so an idle session can say goodbye; a message being received
            // is read to its end first.
            using var shutdown = info.ShutdownRequested.Register(static reader => ((System.IO.Pipelines.PipeReader)reader!).CancelPendingRead(), input);
            while (!_close)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                if (result.IsCanceled)
                {
                    input.AdvanceTo(buffer.Start);
                    if (info.IsIdleTimedOut)
                    {
                        Log.IdleTimeout(logger);
                        Write(SmtpReplies.Timeout);
                        break;
                    }
                }
                else
                {
                    var (consumed, examined) = await ProcessAsync(buffer);
                    input.AdvanceTo(consumed, examined);
                }

                if (!_close && _state != SmtpState.Data && info.ShutdownRequested.IsCancellationRequested)
                {
                    Log.ShuttingDown(logger);
                    Write(ShuttingDown);
                    _close = true;
                }

                if (!await FlushAsync() || (result.IsCompleted && !result.IsCanceled))
                {
                    break;
                }
            }

            await FlushAsync();
        }
        finally
        {
            if (_spool is not null)
            {
                await _spool.DisposeAsync();
            }
        }
    }

    /// <summary>Handles every complete command (and DATA content) in <paramref name="buffer"/>.</summary>
    private async ValueTask<(SequencePosition Consumed, SequencePosition Examined)> ProcessAsync(ReadOnlySequence<byte> buffer)
    {
        var position = buffer.Start;
        while (!_close)
        {
            var rest = buffer.Slice(position);
            if (rest.IsEmpty)
            {
                break;
            }

            if (_skippingLine)
            {
                _skippingLine = !SmtpInput.SkipLine(rest, out position);
                continue;
            }

            if (_state == SmtpState.Data)
            {
                var completed = SmtpInput.Content(_decoder!, _chunks, rest, out position);
                if (_decoder!.Error == SmtpDataError.None)
                {
                    foreach (var chunk in _chunks)
                    {
                        await _spool!.WriteAsync(chunk);
                    }
                }

                _chunks.Clear();
                if (completed)
                {
                    await FinishMessageAsync();
                }

                continue;
            }

            if (SmtpInput.Command(rest, out var command, out var next) == OperationStatus.NeedMoreData)
            {
                return (position, buffer.End);
            }

            position = next;
            await HandleAsync(command);
        }

        return (position, buffer.End);
    }

    private async ValueTask HandleAsync(SmtpCommand command)
    {
        if (command is InvalidCommand invalid)
        {
            Write(invalid.Reply);
            _skippingLine = invalid.Error is SmtpCommandError.LineTooLong or SmtpCommandError.AuthLineTooLong;
            if (invalid.IsProtocolError)
            {
                Log.ProtocolError(logger, invalid.Reply.ToString());
                _close = true;
                return;
            }

            CountError();
            return;
        }

        if (!Table.Accepts(_state, command.Verb))
        {
            Write(Table.Rejection(_state, command.Verb));
            CountError();
            return;
        }

        switch (command)
        {
            case LhloCommand lhlo:
                _clientName = lhlo.Identity;
                _transaction = null;
                Log.Greeted(logger, _clientName);
                Accept(command, _lhloReply);
                break;
            case MailCommand mail:
                Mail(mail);
                break;
            case RcptCommand rcpt:
                await RcptAsync(rcpt);
                break;
            case DataCommand:
                await DataAsync(command);
                break;
            case RsetCommand:
                _transaction = null;
                Accept(command, SmtpReplies.Ok);
                break;
            case NoopCommand:
                Write(SmtpReplies.Ok);
                break;
            case VrfyCommand:
                Write(SmtpReplies.CannotVerify);
                break;
            case HelpCommand:
                Write(SmtpReplies.Help);
                break;
            case QuitCommand:
                Write(SmtpReplies.Closing);
                _close = true;
                break;
            case BdatCommand:
                // CHUNKING is not offered, and the chunk that follows on the wire cannot be told
                // apart from commands: answer and close.
                Write(SmtpReplies.NotImplemented);
                Log.ProtocolError(logger, SmtpReplies.NotImplemented.ToString());
                _close = true;
                break;
            default:
                // STARTTLS, AUTH and XCLIENT: not offered on this internal hop.
                Write(SmtpReplies.NotImplemented);
                CountError();
                break;
        }
    }

    private void Mail(MailCommand mail)
    {
        var parameters = mail.Parameters;
        var unsupported = parameters switch
        {
            { Body: BodyType.BinaryMime } => "BODY=BINARYMIME",
            { Return: not DsnReturn.Unspecified } => "RET",
            { EnvelopeId: not null } => "ENVID",
            { Auth: not null } => "AUTH",
            { RequireTls: true } => "REQUIRETLS",
            _ => null,
        };
        if (unsupported is not null)
        {
            Write(SmtpReplies.UnknownParameter.WithText($"Unsupported option: {unsupported}"));
            return;
        }

        if (parameters.Size > options.MaxMessageSize)
        {
            // RFC 1870 §6.1: a declared size above the fixed limit is refused at MAIL.
            Write(SmtpReplies.MessageTooBig);
            return;
        }

        if (mail.ReversePath is { IsUtf8: true } && !parameters.SmtpUtf8)
        {
            Write(SmtpReplies.NonAsciiSender);
            return;
        }

        _transaction = new LmtpTransaction(SmtpInput.NewId(), mail.ReversePath, parameters);
        Accept(mail, SmtpReplies.SenderOk);
    }

    private async ValueTask RcptAsync(RcptCommand rcpt)
    {
        var transaction = _transaction!;
        if (rcpt.Parameters.Notify != DsnNotify.Unspecified || rcpt.Parameters.OriginalRecipient is not null)
        {
            Write(SmtpReplies.UnknownParameter.WithText("Unsupported option: " + (rcpt.Parameters.Notify != DsnNotify.Unspecified ? "NOTIFY" : "ORCPT")));
            return;
        }

        if (transaction.Recipients.Count >= options.MaxRecipients)
        {
            Write(SmtpReplies.TooManyRecipients);
            return;
        }

        var path = rcpt.ForwardPath;
        if (path.IsUtf8 && !transaction.Parameters.SmtpUtf8)
        {
            Write(SmtpReplies.NonAsciiRecipient);
            return;
        }

        // <Postmaster> and other unqualified addresses belong to this host (RFC 5321 §4.1.1.3).
        var address = path.Domain.Length == 0 ? path.LocalPart + "@" + options.Hostname : path.ToString();
        RecipientVerdict verdict;
        try
        {
            verdict = await checker.CheckAsync(address, transaction.Parameters.Size);
        }
        catch (Exception e) when (e is IOException or DbException or Posta.Storage.StorageException)
        {
            Log.LookupFailed(logger, address, e);
            Write(SmtpReplies.LocalError);
            return;
        }

        if (verdict.Rejection is { } rejection)
        {
            Log.RecipientRefused(logger, address, rejection.ToString());
            Write(rejection.WithText($"<{address}>: {rejection.Text}"));
            return;
        }

        transaction.Recipients.Add(verdict.Accepted!);
        Accept(rcpt, SmtpReplies.RecipientOk.WithText($"<{address}> Ok"));
    }

    private async ValueTask DataAsync(SmtpCommand command)
    {
        var transaction = _transaction!;
        var recipients = transaction.Recipients;
        // Delivered-To names the one user the stored copy belongs to; several users share one copy.
        var users = recipients.SelectMany(r => r.Users).Select(u => u.User.Address).Distinct(StringComparer.Ordinal).ToList();
        var final = TraceHeaders.FinalDelivery(transaction.ReversePath?.ToString(), users.Count == 1 ? users[0] : null);
        var received = TraceHeaders.Received(
            _clientName,
            info.RemoteEndPoint,
            options.Hostname,
            "LMTP",
            transaction.Id,
            recipients.Count == 1 ? recipients[0].Address : null,
            null,
            timeProvider.GetLocalNow());
        try
        {
            _spool = SpooledMessage.Create(options.TemporaryDirectory);
            await _spool.WriteAsync(final);
            await _spool.WriteAsync(received);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SpoolFailed(logger, e);
            if (_spool is not null)
            {
                await _spool.DisposeAsync();
                _spool = null;
            }

            Write(SmtpReplies.LocalError);
            return;
        }

        _decoder = new SmtpDataDecoder(options.MaxMessageSize);
        Accept(command, SmtpReplies.StartMailInput);
    }

    /// <summary>After the end-of-data line: one reply per accepted recipient, in RCPT order (RFC 2033 §4.2).</summary>
    private async ValueTask FinishMessageAsync()
    {
        var transaction = _transaction!;
        var decoder = _decoder!;
        IReadOnlyList<SmtpReply> replies;
        if (decoder.Error != SmtpDataError.None)
        {
            var reply = decoder.Error switch
            {
                SmtpDataError.MessageTooLarge => SmtpReplies.MessageTooBig,
                SmtpDataError.BareLineFeed => SmtpReplies.BareLineFeed,
                SmtpDataError.BareCarriageReturn => SmtpReplies.BareCarriageReturn,
                _ => SmtpReplies.NulInMessage,
            };
            Log.ContentRefused(logger, transaction.Id, transaction.Recipients.Count, reply.ToString());
            replies = [.. transaction.Recipients.Select(_ => reply)];
        }
        else
        {
            // Not cancelled by shutdown or a lost client: a started delivery finishes, so what
            // was stored is what the replies say.
            replies = await delivery.DeliverAsync(_spool!, transaction.Sender, transaction.Recipients, transaction.Id, timeProvider.GetUtcNow(), CancellationToken.None);
        }

        foreach (var reply in replies)
        {
            Write(reply);
        }

        await _spool!.DisposeAsync();
        _spool = null;
        _decoder = null;
        _transaction = null;
        _state = SmtpStateTable.AfterMessage;
    }

    private void Accept(SmtpCommand command, SmtpReply reply)
    {
        Write(reply);
        _state = Table.Next(_state, command);
    }

    private void CountError()
    {
        if (++_errors >= HardErrorLimit)
        {
            Log.TooManyErrors(logger, _errors);
            Write(SmtpReplies.TooManyErrors);
            _close = true;
        }
    }

    private void Write(SmtpReply reply) =>
        SmtpReplyWriter.Write(connection.Transport.Output, reply, enhancedStatusCodes: true, allowUtf8: _transaction?.Parameters.SmtpUtf8 == true);

    /// <summary>Flushes replies; false when the client is gone.</summary>
    private async ValueTask<bool> FlushAsync()
    {
        var result = await connection.Transport.Output.FlushAsync();
        return !result.IsCompleted && !result.IsCanceled;
    }

}
