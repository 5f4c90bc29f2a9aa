using Microsoft.Data.Sqlite;
using Posta.Storage.Queue;

namespace Posta.Storage.Sqlite;

/// <summary>
/// The mail queue over SQLite (schema step 5). Content is a blob like a stored message's, referenced
/// once per queued message; enqueue stages it exactly as delivery does, so the bytes are durable
/// before the commit that references them. Writes go through the <see cref="SqliteWriter"/> and share
/// its group commit; reads run on pooled connections.
/// </summary>
internal sealed class SqliteQueueStore(SqliteWriter writer, string readConnectionString, IBlobStore blobs) : IQueueStore
{
    private const string MessageColumns =
        "id, queue_id, sender, blob_hash, size, envelope_id, dsn_return, body_type, smtputf8, require_tls, is_report, authenticated_user, client, received";

    private const string RecipientColumns =
        "message_id, seq, address, original_recipient, notify, state, attempts, next_attempt, lease_until, last_reply";

    public async Task<long> EnqueueAsync(Stream content, QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(entry);

        var blob = await blobs.PutAsync(content, cancellationToken);
        try
        {
            return await writer.ExecuteAsync(context => Insert(context, entry, blob), cancellationToken);
        }
        catch
        {
            // Nothing references the bytes: let the writer drop them unless someone else needs them.
            await writer.CollectAsync([blob.Hash]);
            throw;
        }
        finally
        {
            await blob.DisposeAsync();
        }
    }

    public Task<IReadOnlyList<QueueLease>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var until = now + lease;
        return writer.ExecuteAsync(context => Lease(context, now, until, max), cancellationToken);
    }

    public Task CompleteAsync(long messageId, IReadOnlyList<RecipientOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcome, nameof(outcomes));
            if ((outcome.State == QueueRecipientState.Pending) != outcome.NextAttempt.HasValue)
            {
                throw new ArgumentException("A deferral, and only a deferral, has a next attempt.", nameof(outcomes));
            }
        }

        return writer.ExecuteAsync(context => Complete(context, messageId, outcomes), cancellationToken);
    }

    public async Task<Stream> OpenContentAsync(long messageId, CancellationToken cancellationToken = default)
    {
        var hash = await SynchronousRead.RunAsTask(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT blob_hash FROM queue_messages WHERE id = $id").With("$id", messageId);
                return command.ExecuteScalar() is string hex
                    ? BlobHash.Parse(hex)
                    : throw new QueueMessageNotFoundException($"Message {messageId} is not in the queue.");
            },
            cancellationToken);
        return await blobs.OpenReadAsync(hash, cancellationToken);
    }

    public Task<IReadOnlyList<QueuedMessageInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<IReadOnlyList<QueuedMessageInfo>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                var recipients = new Dictionary<long, List<QueuedRecipientInfo>>();
                using (var command = session.Command($"SELECT {RecipientColumns} FROM queue_recipients ORDER BY message_id, seq"))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var messageId = reader.GetInt64(0);
                        if (!recipients.TryGetValue(messageId, out var list))
                        {
                            recipients[messageId] = list = [];
                        }

                        var leaseUntil = reader.GetInt64(8);
                        list.Add(new QueuedRecipientInfo(
                            reader.GetInt32(1),
                            reader.GetString(2),
                            NullableString(reader, 3),
                            reader.GetInt32(4),
                            (QueueRecipientState)reader.GetInt32(5),
                            reader.GetInt32(6),
                            FromMilliseconds(reader.GetInt64(7)),
                            leaseUntil == 0 ? null : FromMilliseconds(leaseUntil),
                            NullableString(reader, 9)));
                    }
                }

                var messages = new List<QueuedMessageInfo>();
                using (var command = session.Command($"SELECT {MessageColumns} FROM queue_messages ORDER BY id"))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var id = reader.GetInt64(0);
                        var list = recipients.GetValueOrDefault(id) ?? [];
                        var envelope = ReadEntry(reader, [.. list.Select(r => new QueueEntryRecipient(r.Address, r.OriginalRecipient, r.Notify))]);
                        messages.Add(new QueuedMessageInfo(id, envelope, reader.GetInt64(4), list));
                    }
                }

                return messages;
            },
            cancellationToken);
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<DateTimeOffset?>(
            () =>
            {
                // A leased recipient is not due before its lease runs out, however early its next attempt.
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT min(max(next_attempt, lease_until)) FROM queue_recipients WHERE state = 0");
                return command.ScalarInt64() is { } due ? FromMilliseconds(due) : null;
            },
            cancellationToken);
    }

    private static long Insert(WriteContext context, QueueEntry entry, StagedBlob blob)
    {
        if (context.Command("SELECT 1 FROM queue_messages WHERE queue_id = $queue_id").With("$queue_id", entry.QueueId).ScalarInt64() is not null)
        {
            throw new DuplicateQueueIdException($"A message with queue id {entry.QueueId} is queued already.");
        }

        // The bytes may have been released by a concurrent removal of the same content since the put;
        // the reference is taken in this transaction, so they must be back before it commits.
        blob.EnsureStored();
        MailWrites.AddBlobReferences(context, blob.Hash, blob.Length, 1);
        var id = context.Command(
            """
            INSERT INTO queue_messages (queue_id, sender, blob_hash, size, envelope_id, dsn_return, body_type, smtputf8, require_tls,
                                        is_report, authenticated_user, client, received)
            VALUES ($queue_id, $sender, $hash, $size, $envelope_id, $dsn_return, $body_type, $smtputf8, $require_tls,
                    $is_report, $authenticated_user, $client, $received)
            RETURNING id
            """)
            .With("$queue_id", entry.QueueId)
            .With("$sender", entry.Sender)
            .With("$hash", blob.Hash.Hex)
            .With("$size", blob.Length)
            .With("$envelope_id", entry.EnvelopeId)
            .With("$dsn_return", entry.DsnReturn)
            .With("$body_type", entry.BodyType)
            .With("$smtputf8", entry.SmtpUtf8)
            .With("$require_tls", entry.RequireTls)
            .With("$is_report", entry.IsReport)
            .With("$authenticated_user", entry.AuthenticatedUser)
            .With("$client", entry.Client)
            .With("$received", Rows.UnixMilliseconds(entry.Received))
            .ScalarInt64()!.Value;

        var now = Rows.UnixMilliseconds(context.Now);
        for (var seq = 0; seq < entry.Recipients.Count; seq++)
        {
            var recipient = entry.Recipients[seq];
            context.Command(
                """
                INSERT INTO queue_recipients (message_id, seq, address, original_recipient, notify, next_attempt)
                VALUES ($message_id, $seq, $address, $original_recipient, $notify, $next_attempt)
                """)
                .With("$message_id", id)
                .With("$seq", seq)
                .With("$address", recipient.Address)
                .With("$original_recipient", recipient.OriginalRecipient)
                .With("$notify", recipient.Notify)
                .With("$next_attempt", now)
                .ExecuteNonQuery();
        }

        return id;
    }

    /// <summary>
    /// Claims due recipients in one statement. PostgreSQL runs the same shape with
    /// <c>FOR UPDATE SKIP LOCKED</c> in the sub-select, so concurrent runners claim disjoint rows; here
    /// the single writer makes the claim atomic already.
    /// </summary>
    private static IReadOnlyList<QueueLease> Lease(WriteContext context, DateTimeOffset now, DateTimeOffset until, int max)
    {
        var claimed = new List<(long MessageId, LeasedRecipient Recipient)>();
        using (var reader = context.Command(
            """
            UPDATE queue_recipients SET lease_until = $until
            WHERE state = 0 AND (message_id, seq) IN (
                SELECT message_id, seq FROM queue_recipients
                WHERE state = 0 AND next_attempt <= $now AND lease_until <= $now
                ORDER BY next_attempt, message_id, seq
                LIMIT $max)
            RETURNING message_id, seq, address, original_recipient, notify, attempts, last_reply
            """)
            .With("$until", Rows.UnixMilliseconds(until))
            .With("$now", Rows.UnixMilliseconds(now))
            .With("$max", max)
            .ExecuteReader())
        {
            while (reader.Read())
            {
                claimed.Add((reader.GetInt64(0), new LeasedRecipient(
                    reader.GetInt32(1),
                    reader.GetString(2),
                    NullableString(reader, 3),
                    reader.GetInt32(4),
                    reader.GetInt32(5),
                    NullableString(reader, 6))));
            }
        }

        // RETURNING gives no order guarantee: order by message, oldest first, then by position.
        var leases = new List<QueueLease>();
        foreach (var group in claimed.GroupBy(c => c.MessageId).OrderBy(g => g.Key))
        {
            var recipients = group.Select(c => c.Recipient).OrderBy(r => r.Seq).ToList();
            using var reader = context.Command($"SELECT {MessageColumns} FROM queue_messages WHERE id = $id").With("$id", group.Key).ExecuteReader();
            if (!reader.Read())
            {
                throw new StorageException($"Queued recipients of message {group.Key} have no message row.");
            }

            var envelope = ReadEntry(reader, [.. recipients.Select(r => new QueueEntryRecipient(r.Address, r.OriginalRecipient, r.Notify))]);
            leases.Add(new QueueLease(group.Key, envelope, reader.GetInt64(4), until, recipients));
        }

        return leases;
    }

    private static bool Complete(WriteContext context, long messageId, IReadOnlyList<RecipientOutcome> outcomes)
    {
        var hash = context.Command("SELECT blob_hash FROM queue_messages WHERE id = $id").With("$id", messageId).ExecuteScalar() as string
            ?? throw new QueueMessageNotFoundException($"Message {messageId} is not in the queue.");

        foreach (var outcome in outcomes)
        {
            // Only a pending recipient changes: an outcome reported twice (a lease that ran out and
            // was taken again) must not count a second attempt or undo a delivery.
            context.Command(
                """
                UPDATE queue_recipients
                SET state = $state, attempts = attempts + 1, next_attempt = coalesce($next_attempt, next_attempt),
                    last_reply = $last_reply, lease_until = 0
                WHERE message_id = $message_id AND seq = $seq AND state = 0
                """)
                .With("$state", (int)outcome.State)
                .With("$next_attempt", outcome.NextAttempt is { } next ? Rows.UnixMilliseconds(next) : null)
                .With("$last_reply", outcome.LastReply)
                .With("$message_id", messageId)
                .With("$seq", outcome.Seq)
                .ExecuteNonQuery();
        }

        var pending = context.Command("SELECT 1 FROM queue_recipients WHERE message_id = $id AND state = 0 LIMIT 1")
            .With("$id", messageId)
            .ScalarInt64();
        if (pending is null)
        {
            context.Command("DELETE FROM queue_recipients WHERE message_id = $id").With("$id", messageId).ExecuteNonQuery();
            context.Command("DELETE FROM queue_messages WHERE id = $id").With("$id", messageId).ExecuteNonQuery();
            MailWrites.ReleaseBlobReferences(context, BlobHash.Parse(hash), 1);
        }

        return pending is null;
    }

    private static QueueEntry ReadEntry(SqliteDataReader reader, IReadOnlyList<QueueEntryRecipient> recipients) =>
        new(reader.GetString(1), reader.GetString(2), recipients)
        {
            EnvelopeId = NullableString(reader, 5),
            DsnReturn = reader.GetInt32(6),
            BodyType = reader.GetInt32(7),
            SmtpUtf8 = reader.GetBoolean(8),
            RequireTls = reader.GetBoolean(9),
            IsReport = reader.GetBoolean(10),
            AuthenticatedUser = NullableString(reader, 11),
            Client = NullableString(reader, 12),
            Received = FromMilliseconds(reader.GetInt64(13)),
        };

    private static void Validate(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.QueueId, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.Sender, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.Recipients, nameof(entry));
        if (entry.Recipients.Count == 0)
        {
            throw new ArgumentException("A queued message has at least one recipient.", nameof(entry));
        }

        // RFC 3461 §4.3: RET is FULL or HDRS; 0 stands for its absence.
        if (entry.DsnReturn is < 0 or > 2)
        {
            throw new ArgumentException($"DsnReturn {entry.DsnReturn} is not 0, 1 or 2.", nameof(entry));
        }

        foreach (var recipient in entry.Recipients)
        {
            ArgumentNullException.ThrowIfNull(recipient, nameof(entry));
            ArgumentException.ThrowIfNullOrWhiteSpace(recipient.Address, nameof(entry));

            // RFC 3461 §4.1: NEVER stands alone; the others combine.
            if (recipient.Notify is < 0 or > 15 || (recipient.Notify & 1) != 0 && recipient.Notify != 1)
            {
                throw new ArgumentException($"Notify {recipient.Notify} of {recipient.Address} is not a valid NOTIFY value.", nameof(entry));
            }
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset FromMilliseconds(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
