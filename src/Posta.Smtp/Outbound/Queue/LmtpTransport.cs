using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// The local transport of an MX-role node without mailboxes of its own (seed 002's split): queued
/// recipients of the hosted domains are handed over LMTP (RFC 2033) to the store-role node — another
/// Posta's <c>lmtp</c> listener, or Dovecot's — which answers per recipient.
/// </summary>
internal sealed class LmtpTransport(LmtpTransportOptions options, ILogger<LmtpTransport> logger) : IDeliveryTransport
{
    /// <summary>451 4.4.1 (RFC 3463 X.4.1 "no answer from host"): the store node could not be reached.</summary>
    private static readonly SmtpReply Unreachable = new(451, new EnhancedStatusCode(4, 4, 1), "Store node not reachable over LMTP");

    public async Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var envelope = new Envelope(request.Sender, [.. request.Recipients.Select(ToEnvelopeRecipient)])
        {
            Body = request.Body,
            SmtpUtf8 = request.Envelope.SmtpUtf8,
            EnvelopeId = request.Envelope.EnvelopeId,
            Return = request.Envelope.Return,
        };
        var remote = options.EndPoint.ToString() ?? "store node";
        try
        {
            await using var session = await SmtpClientSession.ConnectAsync(options.EndPoint, options.Client, cancellationToken);
            await using var content = await request.OpenContentAsync(cancellationToken);
            var result = await session.SendAsync(envelope, content, cancellationToken);
            await QuitQuietlyAsync(session, cancellationToken);
            return [.. result.Recipients.Select(r => ToResult(r, remote))];
        }
        catch (SmtpClientException e)
        {
            // Recipients the store node answered before the failure keep that answer, so none
            // is delivered twice; the others wait for the next attempt.
            Log.LmtpHandoffFailed(logger, request.QueueId, remote, e.Message);
            var settled = e.SettledRecipients.ToDictionary(r => r.Recipient, r => r);
            return [.. envelope.Recipients.Select(r => settled.TryGetValue(r, out var answer)
                ? ToResult(answer, remote)
                : TransportResult.Deferred(e.Reply is { Code: >= 400 and < 500 } reply ? reply : Unreachable, remote))];
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            Log.LmtpHandoffFailed(logger, request.QueueId, remote, e.Message);
            return [.. envelope.Recipients.Select(_ => TransportResult.Deferred(Unreachable, remote))];
        }
    }

    private static EnvelopeRecipient ToEnvelopeRecipient(QueuedRecipient recipient)
    {
        OriginalRecipient? original = null;
        if (recipient.OriginalRecipient is { } text && text.IndexOf(';', StringComparison.Ordinal) is > 0 and var semicolon)
        {
            original = new OriginalRecipient(text[..semicolon], text[(semicolon + 1)..]);
        }

        return new EnvelopeRecipient(recipient.Address) { Notify = recipient.Notify, OriginalRecipient = original };
    }

    private static TransportResult ToResult(RecipientResult result, string remote) => result switch
    {
        { Delivered: true } => TransportResult.Delivered(result.Reply, remote),
        { Reply.Code: >= 500 } => TransportResult.Failed(result.Reply, remote),
        _ => TransportResult.Deferred(result.Reply.Code is >= 400 and < 500 ? result.Reply : Unreachable, remote),
    };

    private static async Task QuitQuietlyAsync(SmtpClientSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.QuitAsync(cancellationToken);
        }
        catch (Exception e) when (e is SmtpClientException or IOException or SocketException)
        {
            // The transaction is settled; a lost QUIT changes nothing.
        }
    }
}
