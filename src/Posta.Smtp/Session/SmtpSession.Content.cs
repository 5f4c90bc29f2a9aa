using System.Buffers;
using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Session;

/// <summary>DATA and BDAT: the content goes to a spool file while it arrives; at its end, to the store or the queue.</summary>
internal sealed partial class SmtpSession
{
    private SpooledMessage? _spool;
    private SmtpDataDecoder? _decoder;
    private ChunkedContentChecker? _checker;
    private long _chunkRemaining;
    private bool _chunkLast;
    private SmtpReply? _chunkRefusal;

    private async ValueTask DataAsync(SmtpCommand command)
    {
        if (!await OpenSpoolAsync())
        {
            return;
        }

        _decoder = new SmtpDataDecoder(_options.Delivery.MaxMessageSize);
        Accept(command, SmtpReplies.StartMailInput);
        _mode = Mode.Data;
    }

    /// <summary>Spools content up to the end-of-data line; then answers once for the message.</summary>
    private async ValueTask<SequencePosition> ReadDataAsync(ReadOnlySequence<byte> input)
    {
        var completed = SmtpInput.Content(_decoder!, _chunks, input, out var next);
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
            _mode = Mode.Commands;
            await FinishMessageAsync(_decoder.Error);
        }

        return next;
    }

    private async ValueTask BdatAsync(BdatCommand bdat)
    {
        _chunkRemaining = bdat.ChunkSize;
        _chunkLast = bdat.Last;
        _chunkRefusal = null;
        if (!Table.Accepts(_state, SmtpVerb.Bdat))
        {
            // RFC 3030 §2: the chunk is read and discarded, then the command is answered.
            _chunkRefusal = Table.Rejection(_state, SmtpVerb.Bdat);
        }
        else if (_state != SmtpState.BdatChunks)
        {
            _checker = new ChunkedContentChecker(_options.Delivery.MaxMessageSize);
            if (!await OpenSpoolAsync(reply: false))
            {
                _chunkRefusal = SmtpReplies.LocalError;
            }
        }

        if (_chunkRemaining == 0)
        {
            await FinishChunkAsync(bdat);
            return;
        }

        _mode = Mode.Chunk;
    }

    /// <summary>Reads (and spools, when the transaction is sound) the octets of the current chunk.</summary>
    private async ValueTask<SequencePosition> ReadChunkAsync(ReadOnlySequence<byte> input)
    {
        var take = input.Slice(0, Math.Min(input.Length, _chunkRemaining));
        _chunkRemaining -= take.Length;
        if (_chunkRefusal is null && _checker is { } checker)
        {
            var before = checker.Error;
            checker.Add(take);
            if (before == SmtpDataError.None && checker.Error == SmtpDataError.None)
            {
                await _spool!.WriteAsync(take);
            }
        }

        if (_chunkRemaining == 0)
        {
            _mode = Mode.Commands;
            await FinishChunkAsync(new BdatCommand(0, _chunkLast));
        }

        return take.End;
    }

    private async ValueTask FinishChunkAsync(BdatCommand bdat)
    {
        if (_chunkRefusal is { } refusal)
        {
            // A refused BDAT in the middle of a transaction ends it (RFC 3030 §4: the client
            // must RSET); refused before any transaction, the state stays as it was.
            if (_state == SmtpState.BdatChunks)
            {
                await EndTransactionAsync();
                _state = SmtpStateTable.AfterMessage;
            }

            await RefuseAsync(refusal);
            return;
        }

        if (!bdat.Last)
        {
            _state = SmtpState.BdatChunks;
            Write(SmtpReplies.Ok.WithText(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Ok: {_checker!.Length} octets received")));
            return;
        }

        var checker = _checker!;
        checker.Complete();
        if (checker.Error == SmtpDataError.None && !checker.EndsWithLineBreak)
        {
            // RFC 5322 §2.1: a message is lines, each ended by CRLF.
            await _spool!.WriteAsync("\r\n"u8.ToArray());
        }

        await FinishMessageAsync(checker.Error);
    }

    /// <summary>Creates the spool file with this hop's Received field; false (after answering 451 when asked) when it cannot be written.</summary>
    private async ValueTask<bool> OpenSpoolAsync(bool reply = true)
    {
        var transaction = Transaction!;
        var received = TraceHeaders.Received(
            ClientName,
            Client,
            _options.Delivery.Hostname,
            WithProtocol(transaction),
            transaction.Id,
            transaction.Recipients.Count == 1 ? transaction.Recipients[0].Address : null,
            TlsDescription(),
            _services.TimeProvider.GetLocalNow());
        try
        {
            _spool = SpooledMessage.Create(_options.Delivery.TemporaryDirectory);
            await _spool.WriteAsync(received);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SpoolFailed(_logger, e);
            await EndTransactionAsync();
            if (reply)
            {
                Write(SmtpReplies.LocalError);
            }

            return false;
        }
    }

    /// <summary>After the end of the content: one reply for the whole message, 250 only once it is durable.</summary>
    private async ValueTask FinishMessageAsync(SmtpDataError error)
    {
        var transaction = Transaction!;
        SmtpReply reply;
        if (error != SmtpDataError.None)
        {
            reply = error switch
            {
                SmtpDataError.MessageTooLarge => SmtpReplies.MessageTooBig,
                SmtpDataError.BareLineFeed => SmtpReplies.BareLineFeed,
                SmtpDataError.BareCarriageReturn => SmtpReplies.BareCarriageReturn,
                _ => SmtpReplies.NulInMessage,
            };
            Log.ContentRefused(_logger, Describe(Client), transaction.Id, reply.ToString());
        }
        else
        {
            // Not cancelled by shutdown or a lost client: a started delivery finishes, so the
            // reply says what was stored.
            reply = await _services.Dispatcher.DispatchAsync(_spool!, Envelope(transaction), CancellationToken.None);
        }

        Write(reply);
        await EndTransactionAsync();
        _state = SmtpStateTable.AfterMessage;
    }

    private InboundEnvelope Envelope(SmtpTransaction transaction) => new(
        transaction.Id,
        transaction.Sender,
        transaction.Parameters,
        transaction.Recipients,
        _account,
        Describe(Client),
        _services.TimeProvider.GetUtcNow());

    /// <summary>Drops the transaction and its spool file.</summary>
    private async ValueTask EndTransactionAsync()
    {
        Transaction = null;
        _decoder = null;
        _checker = null;
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
            _spool = null;
        }
    }

    /// <summary>The WITH keyword of the Received field (RFC 3848, RFC 6531 §3.7.3).</summary>
    private string WithProtocol(SmtpTransaction transaction)
    {
        if (!Extended)
        {
            return "SMTP";
        }

        var name = transaction.Parameters.SmtpUtf8 ? "UTF8SMTP" : "ESMTP";
        return name + (_info.IsTlsActive ? "S" : string.Empty) + (_account is null ? string.Empty : "A");
    }

    /// <summary>The TLS version and cipher for the Received field, as Postfix writes them; null without TLS.</summary>
    private string? TlsDescription() => _info.Tls is { } tls
        ? $"using {TlsVersionName(tls.Protocol)} with cipher {tls.CipherSuite}"
        : null;

    private static string TlsVersionName(System.Security.Authentication.SslProtocols protocol) => protocol switch
    {
        System.Security.Authentication.SslProtocols.Tls13 => "TLSv1.3",
        System.Security.Authentication.SslProtocols.Tls12 => "TLSv1.2",
        _ => protocol.ToString(),
    };
}
