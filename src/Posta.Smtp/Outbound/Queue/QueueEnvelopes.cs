using Posta.Smtp.Protocol.Commands;
using Posta.Storage.Queue;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Converts envelopes between the SMTP types and the store's plain values (the store knows
/// nothing of SMTP): the enum values are the numbers the store keeps.
/// </summary>
internal static class QueueEnvelopes
{
    public static QueueEntry ToEntry(QueuedEnvelope envelope) =>
        new(envelope.QueueId, envelope.Sender, [.. envelope.Recipients.Select(r => new QueueEntryRecipient(r.Address, r.OriginalRecipient, (int)r.Notify))])
        {
            EnvelopeId = envelope.EnvelopeId,
            DsnReturn = (int)envelope.Return,
            BodyType = (int)envelope.Body,
            SmtpUtf8 = envelope.SmtpUtf8,
            RequireTls = envelope.RequireTls,
            IsReport = envelope.IsReport,
            AuthenticatedUser = envelope.AuthenticatedUser,
            Client = envelope.Client,
            Received = envelope.Received,
        };

    public static QueuedEnvelope ToEnvelope(QueueEntry entry) =>
        new(entry.QueueId, entry.Sender, [.. entry.Recipients.Select(r => new QueuedRecipient(r.Address, r.OriginalRecipient, (DsnNotify)r.Notify))])
        {
            EnvelopeId = entry.EnvelopeId,
            Return = (DsnReturn)entry.DsnReturn,
            Body = (BodyType)entry.BodyType,
            SmtpUtf8 = entry.SmtpUtf8,
            RequireTls = entry.RequireTls,
            IsReport = entry.IsReport,
            AuthenticatedUser = entry.AuthenticatedUser,
            Client = entry.Client,
            Received = entry.Received,
        };
}
