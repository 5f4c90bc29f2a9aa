using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>The result of a delivery attempt for one recipient.</summary>
public sealed record TransportResult
{
    private static readonly SmtpReply DefaultDelivered = new(250, new EnhancedStatusCode(2, 0, 0), "Ok: delivered");

    private TransportResult(TransportOutcome outcome, SmtpReply reply, string? remoteMta)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Outcome = outcome;
        Reply = reply;
        RemoteMta = remoteMta;
    }

    /// <summary>Delivered, deferred or failed.</summary>
    public TransportOutcome Outcome { get; }

    /// <summary>
    /// The reply that decided it. A report's Status field is its enhanced status code and its text
    /// the diagnostic (RFC 3464 §2.3.4, §2.3.6).
    /// </summary>
    public SmtpReply Reply { get; }

    /// <summary>The server that gave the reply when it was another one (RFC 3464 §2.3.5), else null.</summary>
    public string? RemoteMta { get; }

    /// <summary>
    /// For a delivery, what a success report asked for with NOTIFY=SUCCESS says (RFC 3464 §2.3.3):
    /// <see cref="ReportAction.Delivered"/>, <see cref="ReportAction.Relayed"/> for a next hop that
    /// does not report, <see cref="ReportAction.Expanded"/> for an alias that fanned out. Null when
    /// the next hop took the NOTIFY request over (RFC 3461 §6.2.7.1), so no report is due here.
    /// </summary>
    public ReportAction? SuccessAction { get; init; } = ReportAction.Delivered;

    /// <summary>The recipient has the message.</summary>
    /// <exception cref="ArgumentException">The reply is not a 2yz reply.</exception>
    public static TransportResult Delivered(SmtpReply? reply = null, string? remoteMta = null)
    {
        if (reply is { IsPositiveCompletion: false })
        {
            throw new ArgumentException($"A delivery carries a 2yz reply, not {reply.Code}.", nameof(reply));
        }

        return new(TransportOutcome.Delivered, reply ?? DefaultDelivered, remoteMta);
    }

    /// <summary>Not now; try again later.</summary>
    /// <exception cref="ArgumentException">The reply is not a 4yz reply.</exception>
    public static TransportResult Deferred(SmtpReply reply, string? remoteMta = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsTransientNegative)
        {
            throw new ArgumentException($"A deferral carries a 4yz reply, not {reply.Code}.", nameof(reply));
        }

        return new(TransportOutcome.Deferred, reply, remoteMta);
    }

    /// <summary>Never; the recipient is given up.</summary>
    /// <exception cref="ArgumentException">The reply is not a 5yz reply.</exception>
    public static TransportResult Failed(SmtpReply reply, string? remoteMta = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsPermanentNegative)
        {
            throw new ArgumentException($"A failure carries a 5yz reply, not {reply.Code}.", nameof(reply));
        }

        return new(TransportOutcome.Failed, reply, remoteMta);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Outcome}: {Reply}";
}
