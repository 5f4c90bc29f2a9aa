using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Posta.Hosting;
using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Session;

/// <summary>
/// One SMTP connection on the smtp, submission or submissions listener (RFC 5321): reads commands
/// from the transport pipe and answers each in order (pipelined commands, RFC 2920, get their
/// replies in one flush), streams DATA or BDAT content to a spool file and replies 250 only once
/// the message is durable in the store or the queue.
/// </summary>
/// <remarks>
/// Two classes of error (STYLE.md 7): a command error is answered and the session goes on; a
/// protocol error (foreign protocol, too many errors, idle timeout, shutdown) is answered and the
/// connection closed. The partial files hold the transaction (MAIL, RCPT), the content (DATA,
/// BDAT and what happens at its end) and the session commands (STARTTLS, AUTH, XCLIENT).
/// </remarks>
internal sealed partial class SmtpSession
{
    private static readonly SmtpStateTable Table = SmtpStateTable.Smtp;

    private static readonly SmtpReply ShuttingDown = SmtpReplies.ServiceNotAvailable.WithText("Server shutting down, closing transmission channel");

    private readonly ConnectionContext _connection;
    private readonly IConnectionInfo _info;
    private readonly SmtpListenerKind _kind;
    private readonly SmtpServerOptions _options;
    private readonly SmtpSessionServices _services;
    private readonly ILogger _logger;
    private readonly List<ReadOnlySequence<byte>> _chunks = [];

    private Mode _mode = Mode.Commands;
    private SmtpState _state = SmtpState.Connected;
    private bool _close;
    private bool _startTls;
    private int _errors;

    public SmtpSession(ConnectionContext connection, IConnectionInfo info, SmtpListenerKind kind, SmtpSessionServices services, ILogger logger)
    {
        _connection = connection;
        _info = info;
        _kind = kind;
        _services = services;
        _options = services.Options;
        _logger = logger;
        Client = info.RemoteEndPoint;
    }

    private enum Mode
    {
        /// <summary>Reading command lines.</summary>
        Commands,

        /// <summary>Discarding the rest of a line that was too long.</summary>
        SkipLine,

        /// <summary>Reading DATA content up to CRLF "." CRLF.</summary>
        Data,

        /// <summary>Reading the octets of a BDAT chunk.</summary>
        Chunk,

        /// <summary>Reading a client response of a SASL exchange.</summary>
        SaslResponse,
    }

    /// <summary>The client as this session sees it: the connection's, or what XCLIENT said.</summary>
    private EndPoint? Client { get; set; }

    /// <summary>The client's EHLO/HELO argument, "unknown" before it greeted.</summary>
    private string ClientName { get; set; } = "unknown";

    /// <summary>True after EHLO (false after HELO): decides ESMTP versus SMTP.</summary>
    private bool Extended { get; set; }

    private SmtpTransaction? Transaction { get; set; }

    /// <summary>Runs the session until QUIT, a protocol error, end of input, idle timeout or shutdown.</summary>
    public async Task RunAsync()
    {
        try
        {
            Write(SmtpReplies.ServiceReady(_options.Delivery.Hostname, "ESMTP Posta"));
            if (!await FlushAsync())
            {
                return;
            }

            while (!_close)
            {
                await ReadLoopAsync(_connection.Transport.Input);
                if (!_startTls)
                {
                    break;
                }

                _startTls = false;
                if (!await StartTlsAsync())
                {
                    break;
                }
            }
        }
        finally
        {
            await EndTransactionAsync();
        }
    }

    /// <summary>Reads and handles input until the session ends or STARTTLS swaps the transport.</summary>
    private async Task ReadLoopAsync(PipeReader input)
    {
        // Wakes the pending read so an idle session can say goodbye; a message being received is
        // read to its end first.
        using var shutdown = _info.ShutdownRequested.Register(static reader => ((PipeReader)reader!).CancelPendingRead(), input);
        while (!_close)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start);
                if (_info.IsIdleTimedOut)
                {
                    Log.IdleTimeout(_logger, Describe(Client));
                    Write(SmtpReplies.Timeout);
                    _close = true;
                }
            }
            else
            {
                var (consumed, examined) = await ProcessAsync(buffer);
                input.AdvanceTo(consumed, examined);
            }

            if (!_close && _mode is Mode.Commands or Mode.SkipLine && _info.ShutdownRequested.IsCancellationRequested)
            {
                Log.ShuttingDown(_logger);
                Write(ShuttingDown);
                _close = true;
            }

            if (!await FlushAsync() || (result.IsCompleted && !result.IsCanceled) || _startTls)
            {
                if (result.IsCompleted && !_startTls)
                {
                    _close = true;
                }

                return;
            }
        }
    }

    /// <summary>Handles every complete command (and content) in <paramref name="buffer"/>.</summary>
    private async ValueTask<(SequencePosition Consumed, SequencePosition Examined)> ProcessAsync(ReadOnlySequence<byte> buffer)
    {
        var position = buffer.Start;
        while (!_close && !_startTls)
        {
            var rest = buffer.Slice(position);
            if (rest.IsEmpty)
            {
                break;
            }

            switch (_mode)
            {
                case Mode.SkipLine:
                    if (SmtpInput.SkipLine(rest, out position))
                    {
                        _mode = Mode.Commands;
                    }

                    continue;
                case Mode.Data:
                    position = await ReadDataAsync(rest);
                    continue;
                case Mode.Chunk:
                    position = await ReadChunkAsync(rest);
                    continue;
                case Mode.SaslResponse:
                    if (SmtpInput.SaslResponse(rest, out var response, out var afterResponse) == OperationStatus.NeedMoreData)
                    {
                        return (position, buffer.End);
                    }

                    position = afterResponse;
                    await HandleSaslResponseAsync(response);
                    continue;
            }

            if (SmtpInput.Command(rest, out var command, out var next) == OperationStatus.NeedMoreData)
            {
                return (position, buffer.End);
            }

            position = next;
            await HandleAsync(command);
        }

        // After STARTTLS nothing more is read from the plaintext pipe: what the client pipelined
        // behind the command is discarded with it (RFC 3207 §4.2).
        return (position, _startTls ? position : buffer.End);
    }

    private async ValueTask HandleAsync(SmtpCommand command)
    {
        if (command is InvalidCommand invalid)
        {
            if (invalid.Error is SmtpCommandError.LineTooLong)
            {
                _mode = Mode.SkipLine;
            }

            if (invalid.IsProtocolError)
            {
                Write(invalid.Reply);
                Log.ProtocolError(_logger, Describe(Client), invalid.Reply.ToString());
                _close = true;
                return;
            }

            await RefuseAsync(invalid.Reply);
            return;
        }

        if (command is BdatCommand bdat)
        {
            // The chunk follows on the wire whatever the answer: read it in every case.
            await BdatAsync(bdat);
            return;
        }

        if (!Table.Accepts(_state, command.Verb))
        {
            await RefuseAsync(Table.Rejection(_state, command.Verb));
            return;
        }

        switch (command)
        {
            case EhloCommand ehlo:
                Greet(ehlo, extended: true);
                break;
            case HeloCommand helo:
                Greet(helo, extended: false);
                break;
            case MailCommand mail:
                await MailAsync(mail);
                break;
            case RcptCommand rcpt:
                await RcptAsync(rcpt);
                break;
            case DataCommand:
                await DataAsync(command);
                break;
            case RsetCommand:
                await EndTransactionAsync();
                Accept(command, SmtpReplies.Ok);
                break;
            case NoopCommand:
                Write(SmtpReplies.Ok);
                break;
            case VrfyCommand:
                // RFC 5321 §3.5.3: 252 when the server will not verify; Postfix setups disable
                // VRFY to keep addresses from being harvested.
                Write(SmtpReplies.CannotVerify);
                break;
            case HelpCommand:
                Write(SmtpReplies.Help);
                break;
            case QuitCommand:
                Write(SmtpReplies.Closing);
                _close = true;
                break;
            case StartTlsCommand:
                StartTls(command);
                break;
            case AuthCommand auth:
                await AuthAsync(auth);
                break;
            case XClientCommand xclient:
                await XClientAsync(xclient);
                break;
            default:
                await RefuseAsync(SmtpReplies.NotImplemented);
                break;
        }
    }

    private void Greet(HelloCommand hello, bool extended)
    {
        ClientName = hello.Identity;
        Extended = extended;
        Transaction = null;
        Log.Greeted(_logger, Describe(Client), ClientName);
        Accept(hello, extended ? EhloReply() : SmtpReplies.HeloOk(_options.Delivery.Hostname));
    }

    /// <summary>The extensions offered now: STARTTLS only before TLS, AUTH only where it may be used.</summary>
    private SmtpReply EhloReply() => new SmtpExtensions
    {
        Pipelining = true,
        MaxMessageSize = _options.Delivery.MaxMessageSize,
        EightBitMime = true,
        SmtpUtf8 = true,
        EnhancedStatusCodes = true,
        Chunking = true,
        Dsn = true,
        StartTls = !_info.IsTlsActive,
        AuthMechanisms = OfferedMechanisms(),
        RequireTls = _info.IsTlsActive,
        XClient = XClientAllowed() ? XClientAttributes.Name | XClientAttributes.Addr | XClientAttributes.Port | XClientAttributes.Proto | XClientAttributes.Helo | XClientAttributes.Login : XClientAttributes.None,
    }.EhloReply(_options.Delivery.Hostname);

    private void Accept(SmtpCommand command, SmtpReply reply)
    {
        Write(reply);
        _state = Table.Next(_state, command);
    }

    /// <summary>Answers a command error and counts it (Postfix's soft and hard error limits).</summary>
    private async ValueTask RefuseAsync(SmtpReply reply)
    {
        _errors++;
        if (_errors >= _options.HardErrorLimit)
        {
            Write(reply);
            Log.TooManyErrors(_logger, Describe(Client), _errors);
            Write(SmtpReplies.TooManyErrors);
            _close = true;
            return;
        }

        if (_errors >= _options.SoftErrorLimit && _options.ErrorDelay > TimeSpan.Zero)
        {
            await FlushAsync();
            await Task.Delay(_options.ErrorDelay, _services.TimeProvider);
        }

        Write(reply);
    }

    private void Write(SmtpReply reply) =>
        SmtpReplyWriter.Write(_connection.Transport.Output, reply, enhancedStatusCodes: true, allowUtf8: Transaction?.Parameters.SmtpUtf8 == true);

    /// <summary>Flushes replies; false when the client is gone.</summary>
    private async ValueTask<bool> FlushAsync()
    {
        var result = await _connection.Transport.Output.FlushAsync();
        return !result.IsCompleted && !result.IsCanceled;
    }

    /// <summary>The client for logs: its address, or what kind of socket.</summary>
    private static string Describe(EndPoint? client) => client switch
    {
        IPEndPoint ip => ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4().ToString() : ip.Address.ToString(),
        UnixDomainSocketEndPoint => "unix socket",
        _ => "unknown",
    };
}
