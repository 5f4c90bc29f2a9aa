using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>What a transport is asked to deliver: a queued message's envelope and some of its recipients.</summary>
/// <param name="Envelope">The message's envelope (sender, flags, arrival); its recipients are the ones of this request.</param>
/// <param name="OpenContent">Opens the message content from its start; each call gives a new stream the caller disposes.</param>
public sealed record TransportRequest(QueuedEnvelope Envelope, Func<CancellationToken, Task<Stream>> OpenContent)
{
    /// <summary>The message's queue id.</summary>
    public string QueueId => Envelope.QueueId;

    /// <summary>The reverse-path; empty for the null reverse-path.</summary>
    public string Sender => Envelope.Sender;

    /// <summary>The recipients to deliver to, with their ORCPT and NOTIFY values.</summary>
    public IReadOnlyList<QueuedRecipient> Recipients => Envelope.Recipients;

    /// <summary>The message's BODY parameter.</summary>
    public BodyType Body => Envelope.Body;

    /// <summary>Opens the content.</summary>
    public Task<Stream> OpenContentAsync(CancellationToken cancellationToken = default) => OpenContent(cancellationToken);
}
