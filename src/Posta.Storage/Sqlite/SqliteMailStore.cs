namespace Posta.Storage.Sqlite;

/// <summary>
/// The mail store over SQLite. Reads run on pooled connections in their own snapshot and return
/// synchronously completed tasks; writes go through the <see cref="SqliteWriter"/> and complete after
/// their commit. This part holds the reads; mailbox and message writes are in the other parts.
/// </summary>
internal sealed partial class SqliteMailStore(SqliteWriter writer, string readConnectionString, IBlobStore blobs, StoreOptions storeOptions)
    : IMailStore
{
    private const string MailboxInfoQuery =
        $"""
        SELECT {Rows.MailboxColumns}, s.name IS NOT NULL
        FROM mailboxes m LEFT JOIN subscriptions s ON s.user_id = m.user_id AND s.name = m.name
        """;

    public ValueTask<IReadOnlyList<MailboxInfo>> ListMailboxesAsync(long userId, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<IReadOnlyList<MailboxInfo>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command($"{MailboxInfoQuery} WHERE m.user_id = $user ORDER BY m.name").With("$user", userId);
                return QueryMailboxInfos(command);
            },
            cancellationToken);
    }

    public ValueTask<MailboxInfo?> GetMailboxAsync(long userId, string name, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<MailboxInfo?>(
            () =>
            {
                if (MailboxNames.TryNormalize(name) is not { } normalized)
                {
                    return null;
                }

                using var session = new ReadSession(readConnectionString);
                using var command = session.Command($"{MailboxInfoQuery} WHERE m.user_id = $user AND m.name = $name")
                    .With("$user", userId)
                    .With("$name", normalized);
                return QueryMailboxInfos(command).FirstOrDefault();
            },
            cancellationToken);
    }

    public ValueTask<MailboxInfo?> GetMailboxByIdAsync(long mailboxId, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<MailboxInfo?>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                return FindMailbox(session, mailboxId);
            },
            cancellationToken);
    }

    public ValueTask<MailboxStatus> GetMailboxStatusAsync(long mailboxId, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<MailboxStatus>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                var mailbox = GetMailbox(session, mailboxId);
                using var command = session.Command(
                    """
                    SELECT count(*), coalesce(sum((flags & $seen) = 0), 0), coalesce(sum((flags & $deleted) <> 0), 0), coalesce(sum(size), 0)
                    FROM messages WHERE mailbox_id = $mailbox
                    """)
                    .With("$seen", (int)MessageFlags.Seen)
                    .With("$deleted", (int)MessageFlags.Deleted)
                    .With("$mailbox", mailboxId);
                using var reader = command.ExecuteReader();
                reader.Read();
                return new MailboxStatus(mailbox, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<string>> ListSubscriptionsAsync(long userId, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<IReadOnlyList<string>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT name FROM subscriptions WHERE user_id = $user ORDER BY name").With("$user", userId);
                using var reader = command.ExecuteReader();
                var names = new List<string>();
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }

                return names;
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<MessageRecord>> FetchAsync(
        long mailboxId,
        IReadOnlyList<UidRange> uids,
        ulong changedSince = 0,
        CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<IReadOnlyList<MessageRecord>>(
            () =>
            {
                var ranges = UidRanges.Normalize(uids);
                using var session = new ReadSession(readConnectionString);
                GetMailbox(session, mailboxId);
                var messages = new List<MessageRecord>();
                foreach (var range in ranges)
                {
                    using var command = session.Command(
                        $"""
                        SELECT {Rows.MessageColumns} FROM messages
                        WHERE mailbox_id = $mailbox AND uid BETWEEN $first AND $last AND modseq > $since
                        ORDER BY uid
                        """)
                        .With("$mailbox", mailboxId)
                        .With("$first", (long)range.First)
                        .With("$last", (long)range.Last)
                        .With("$since", (long)Math.Min(changedSince, long.MaxValue));
                    Rows.QueryMessages(command, messages);
                }

                return messages;
            },
            cancellationToken);
    }

    public ValueTask<MailboxChanges> GetChangesAsync(long mailboxId, ulong sinceModSeq, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<MailboxChanges>(
            () =>
            {
                var since = (long)Math.Min(sinceModSeq, long.MaxValue);
                using var session = new ReadSession(readConnectionString);
                var mailbox = GetMailbox(session, mailboxId);

                using var changedCommand = session.Command(
                    $"SELECT {Rows.MessageColumns} FROM messages WHERE mailbox_id = $mailbox AND modseq > $since ORDER BY uid")
                    .With("$mailbox", mailboxId)
                    .With("$since", since);
                var changed = Rows.QueryMessages(changedCommand);

                using var vanishedCommand = session.Command(
                    "SELECT uid FROM expunged WHERE mailbox_id = $mailbox AND modseq > $since ORDER BY uid")
                    .With("$mailbox", mailboxId)
                    .With("$since", since);
                var vanished = new List<uint>();
                using (var reader = vanishedCommand.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        vanished.Add((uint)reader.GetInt64(0));
                    }
                }

                return new MailboxChanges(mailbox.UidValidity, mailbox.HighestModSeq, changed, vanished);
            },
            cancellationToken);
    }

    public ValueTask<QuotaUsage> GetQuotaAsync(long userId, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.Run<QuotaUsage>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT used_bytes, message_count, quota_bytes FROM users WHERE id = $id").With("$id", userId);
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    throw new UserNotFoundException($"User {userId} does not exist.");
                }

                var limit = reader.IsDBNull(2) ? storeOptions.DefaultQuotaBytes : reader.GetInt64(2);
                return new QuotaUsage(reader.GetInt64(0), reader.GetInt64(1), limit);
            },
            cancellationToken);
    }

    private static MailboxInfo? FindMailbox(ReadSession session, long mailboxId)
    {
        using var command = session.Command($"{MailboxInfoQuery} WHERE m.id = $id").With("$id", mailboxId);
        return QueryMailboxInfos(command).FirstOrDefault();
    }

    private static MailboxInfo GetMailbox(ReadSession session, long mailboxId) =>
        FindMailbox(session, mailboxId) ?? throw new MailboxNotFoundException($"Mailbox {mailboxId} does not exist.");

    private static List<MailboxInfo> QueryMailboxInfos(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        var result = new List<MailboxInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Rows.ReadMailbox(reader).ToInfo(reader.GetBoolean(7)));
        }

        return result;
    }
}
