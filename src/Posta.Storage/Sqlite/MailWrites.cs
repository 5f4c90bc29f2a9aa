namespace Posta.Storage.Sqlite;

/// <summary>
/// The write-side building blocks of the mail store, shared by mailbox, message and directory
/// operations. Each runs inside the writer's transaction and keeps the invariants together: UIDNEXT and
/// HIGHESTMODSEQ move with every message change, blob reference counts and quota usage follow every
/// copy and removal.
/// </summary>
internal static class MailWrites
{
    public static MailboxRow? FindMailbox(WriteContext context, long mailboxId) =>
        Rows.QueryMailbox(context.Command($"SELECT {Rows.MailboxColumns} FROM mailboxes m WHERE m.id = $id")
            .With("$id", mailboxId));

    public static MailboxRow? FindMailbox(WriteContext context, long userId, string normalizedName) =>
        Rows.QueryMailbox(context.Command($"SELECT {Rows.MailboxColumns} FROM mailboxes m WHERE m.user_id = $user AND m.name = $name")
            .With("$user", userId)
            .With("$name", normalizedName));

    public static MailboxRow GetMailbox(WriteContext context, long mailboxId) =>
        FindMailbox(context, mailboxId) ?? throw new MailboxNotFoundException($"Mailbox {mailboxId} does not exist.");

    public static bool UserExists(WriteContext context, long userId) =>
        context.Command("SELECT 1 FROM users WHERE id = $id").With("$id", userId).ScalarInt64() is not null;

    public static bool IsSubscribed(WriteContext context, long userId, string normalizedName) =>
        context.Command("SELECT 1 FROM subscriptions WHERE user_id = $user AND name = $name")
            .With("$user", userId)
            .With("$name", normalizedName)
            .ScalarInt64() is not null;

    public static void Subscribe(WriteContext context, long userId, string normalizedName) =>
        context.Command("INSERT OR IGNORE INTO subscriptions (user_id, name) VALUES ($user, $name)")
            .With("$user", userId)
            .With("$name", normalizedName)
            .ExecuteNonQuery();

    public static void Unsubscribe(WriteContext context, long userId, string normalizedName) =>
        context.Command("DELETE FROM subscriptions WHERE user_id = $user AND name = $name")
            .With("$user", userId)
            .With("$name", normalizedName)
            .ExecuteNonQuery();

    /// <summary>Creates a mailbox and its missing superior levels. The caller has checked the name is free.</summary>
    public static MailboxRow CreateMailbox(WriteContext context, long userId, string normalizedName, SpecialUse specialUse)
    {
        foreach (var parent in MailboxNames.Parents(normalizedName))
        {
            if (FindMailbox(context, userId, parent) is null)
            {
                InsertMailbox(context, userId, parent, SpecialUse.None);
            }
        }

        return InsertMailbox(context, userId, normalizedName, specialUse);
    }

    /// <summary>
    /// The next UIDVALIDITY for a user's new mailbox: the current time in seconds, but always above
    /// every value the user has had, so a name deleted and re-created within a second (or after the
    /// clock stepped back) still gets a new one (RFC 9051 §2.3.1.1).
    /// </summary>
    public static uint NextUidValidity(WriteContext context, long userId)
    {
        var last = context.Command("SELECT last_uid_validity FROM users WHERE id = $id").With("$id", userId).ScalarInt64()
            ?? throw new UserNotFoundException($"User {userId} does not exist.");
        if (last >= uint.MaxValue)
        {
            throw new MailboxOperationNotAllowedException("The user has used up every UIDVALIDITY value.");
        }

        var now = Math.Clamp(context.Now.ToUnixTimeSeconds(), 1, uint.MaxValue);
        var next = Math.Max(now, last + 1);
        context.Command("UPDATE users SET last_uid_validity = $value WHERE id = $id")
            .With("$value", next)
            .With("$id", userId)
            .ExecuteNonQuery();
        return (uint)next;
    }

    /// <summary>Whether <paramref name="bytes"/> more fit the user's quota; false also when there is no such user.</summary>
    public static bool FitsQuota(WriteContext context, long userId, long bytes, out long used, out long limit)
    {
        using (var reader = context.Command("SELECT used_bytes, quota_bytes FROM users WHERE id = $id").With("$id", userId).ExecuteReader())
        {
            if (!reader.Read())
            {
                used = limit = 0;
                return false;
            }

            used = reader.GetInt64(0);
            var quota = reader.IsDBNull(1) ? context.Options.DefaultQuotaBytes : reader.GetInt64(1);
            limit = quota ?? long.MaxValue;
        }

        return bytes <= limit - used;
    }

    public static void CheckQuota(WriteContext context, long userId, long bytes)
    {
        if (!FitsQuota(context, userId, bytes, out var used, out var limit))
        {
            if (!UserExists(context, userId))
            {
                throw new UserNotFoundException($"User {userId} does not exist.");
            }

            throw new QuotaExceededException(userId, used, bytes, limit);
        }
    }

    public static void AddUsage(WriteContext context, long userId, long bytes, long messages) =>
        context.Command("UPDATE users SET used_bytes = used_bytes + $bytes, message_count = message_count + $messages WHERE id = $id")
            .With("$bytes", bytes)
            .With("$messages", messages)
            .With("$id", userId)
            .ExecuteNonQuery();

    public static void AddBlobReferences(WriteContext context, BlobHash hash, long size, long count) =>
        context.Command(
            """
            INSERT INTO blobs (hash, size, refcount) VALUES ($hash, $size, $count)
            ON CONFLICT (hash) DO UPDATE SET refcount = refcount + excluded.refcount
            """)
            .With("$hash", hash.Hex)
            .With("$size", size)
            .With("$count", count)
            .ExecuteNonQuery();

    public static void ReleaseBlobReferences(WriteContext context, BlobHash hash, long count)
    {
        var remaining = context.Command("UPDATE blobs SET refcount = refcount - $count WHERE hash = $hash RETURNING refcount")
            .With("$count", count)
            .With("$hash", hash.Hex)
            .ScalarInt64();
        if (remaining is null or <= 0)
        {
            context.MarkUnreferenced(hash);
        }
    }

    /// <summary>Messages of a mailbox whose UIDs fall in the (normalised) ranges, ascending.</summary>
    public static List<MessageRecord> SelectMessages(WriteContext context, long mailboxId, List<UidRange> ranges)
    {
        var messages = new List<MessageRecord>();
        foreach (var range in ranges)
        {
            Rows.QueryMessages(
                context.Command($"SELECT {Rows.MessageColumns} FROM messages WHERE mailbox_id = $mailbox AND uid BETWEEN $first AND $last ORDER BY uid")
                    .With("$mailbox", mailboxId)
                    .With("$first", (long)range.First)
                    .With("$last", (long)range.Last),
                messages);
        }

        return messages;
    }

    /// <summary>
    /// Adds messages to a mailbox with the next UIDs, in order, under one new mod-sequence, taking one
    /// more reference to each blob. Quota is the caller's business. Returns the UIDs given.
    /// </summary>
    public static List<uint> InsertMessages(WriteContext context, MailboxRow mailbox, IReadOnlyList<NewMessage> messages)
    {
        if ((ulong)mailbox.UidNext + (ulong)messages.Count > uint.MaxValue)
        {
            // RFC 9051 §2.3.1.1: UIDs are 32-bit; a full mailbox needs a new UIDVALIDITY (delete and re-create).
            throw new MailboxOperationNotAllowedException($"Mailbox {mailbox.Name} has run out of UIDs.");
        }

        var modSeq = mailbox.HighestModSeq + 1;
        var uid = mailbox.UidNext;
        var uids = new List<uint>(messages.Count);
        long bytes = 0;
        // References first: messages.blob_hash is a foreign key into blobs.
        foreach (var group in messages.GroupBy(m => m.BlobHash))
        {
            AddBlobReferences(context, group.Key, group.First().Size, group.Count());
        }

        foreach (var message in messages)
        {
            context.Command(
                $"""
                INSERT INTO messages ({Rows.MessageColumns})
                VALUES ($mailbox, $uid, $modseq, $flags, $keywords, $date, $offset, $size, $hash)
                """)
                .With("$mailbox", mailbox.Id)
                .With("$uid", (long)uid)
                .With("$modseq", (long)modSeq)
                .With("$flags", (int)message.Flags)
                .With("$keywords", Keywords.Format(message.Keywords))
                .With("$date", Rows.UnixMilliseconds(message.InternalDate))
                .With("$offset", Rows.OffsetMinutes(message.InternalDate))
                .With("$size", message.Size)
                .With("$hash", message.BlobHash.Hex)
                .ExecuteNonQuery();
            uids.Add(uid++);
            bytes += message.Size;
        }

        SetCounters(context, mailbox.Id, uid, modSeq);
        AddUsage(context, mailbox.UserId, bytes, messages.Count);
        context.Notify(mailbox.UserId, mailbox.Id, MailboxChangeKind.MessagesAdded, modSeq);
        return uids;
    }

    /// <summary>
    /// Expunges messages under one new mod-sequence, keeping their UIDs in the change log for QRESYNC,
    /// and drops their blob references and quota usage. Returns the new HIGHESTMODSEQ.
    /// </summary>
    public static ulong RemoveMessages(WriteContext context, long mailboxId, IReadOnlyList<MessageRecord> messages)
    {
        var mailbox = GetMailbox(context, mailboxId);
        if (messages.Count == 0)
        {
            return mailbox.HighestModSeq;
        }

        var modSeq = mailbox.HighestModSeq + 1;
        long bytes = 0;
        foreach (var message in messages)
        {
            context.Command("DELETE FROM messages WHERE mailbox_id = $mailbox AND uid = $uid")
                .With("$mailbox", mailboxId)
                .With("$uid", (long)message.Uid)
                .ExecuteNonQuery();
            context.Command("INSERT OR REPLACE INTO expunged (mailbox_id, uid, modseq) VALUES ($mailbox, $uid, $modseq)")
                .With("$mailbox", mailboxId)
                .With("$uid", (long)message.Uid)
                .With("$modseq", (long)modSeq)
                .ExecuteNonQuery();
            bytes += message.Size;
        }

        foreach (var group in messages.GroupBy(m => m.BlobHash))
        {
            ReleaseBlobReferences(context, group.Key, group.Count());
        }

        SetCounters(context, mailboxId, mailbox.UidNext, modSeq);
        AddUsage(context, mailbox.UserId, -bytes, -messages.Count);
        context.Notify(mailbox.UserId, mailboxId, MailboxChangeKind.MessagesExpunged, modSeq);
        return modSeq;
    }

    /// <summary>Deletes a mailbox with its messages and change log, releasing blobs and quota.</summary>
    public static void DeleteMailbox(WriteContext context, MailboxRow mailbox)
    {
        var released = new List<(BlobHash Hash, long Count)>();
        using (var reader = context.Command("SELECT blob_hash, count(*) FROM messages WHERE mailbox_id = $mailbox GROUP BY blob_hash")
            .With("$mailbox", mailbox.Id)
            .ExecuteReader())
        {
            while (reader.Read())
            {
                released.Add((BlobHash.Parse(reader.GetString(0)), reader.GetInt64(1)));
            }
        }

        long bytes = 0;
        long count = 0;
        using (var reader = context.Command("SELECT coalesce(sum(size), 0), count(*) FROM messages WHERE mailbox_id = $mailbox")
            .With("$mailbox", mailbox.Id)
            .ExecuteReader())
        {
            if (reader.Read())
            {
                bytes = reader.GetInt64(0);
                count = reader.GetInt64(1);
            }
        }

        foreach (var (hash, references) in released)
        {
            ReleaseBlobReferences(context, hash, references);
        }

        AddUsage(context, mailbox.UserId, -bytes, -count);
        foreach (var sql in new[]
        {
            "DELETE FROM messages WHERE mailbox_id = $mailbox",
            "DELETE FROM expunged WHERE mailbox_id = $mailbox",
            "DELETE FROM mailboxes WHERE id = $mailbox",
        })
        {
            context.Command(sql).With("$mailbox", mailbox.Id).ExecuteNonQuery();
        }

        context.Notify(mailbox.UserId, mailbox.Id, MailboxChangeKind.MailboxDeleted, mailbox.HighestModSeq);
    }

    public static void SetCounters(WriteContext context, long mailboxId, uint uidNext, ulong highestModSeq) =>
        context.Command("UPDATE mailboxes SET uid_next = $uidnext, highest_modseq = $modseq WHERE id = $id")
            .With("$uidnext", (long)uidNext)
            .With("$modseq", (long)highestModSeq)
            .With("$id", mailboxId)
            .ExecuteNonQuery();

    private static MailboxRow InsertMailbox(WriteContext context, long userId, string normalizedName, SpecialUse specialUse)
    {
        var uidValidity = NextUidValidity(context, userId);
        const ulong initialModSeq = 1;
        var id = context.Command(
            """
            INSERT INTO mailboxes (user_id, name, uid_validity, uid_next, highest_modseq, special_use, created)
            VALUES ($user, $name, $uidvalidity, 1, $modseq, $specialuse, $created)
            RETURNING id
            """)
            .With("$user", userId)
            .With("$name", normalizedName)
            .With("$uidvalidity", (long)uidValidity)
            .With("$modseq", (long)initialModSeq)
            .With("$specialuse", (int)specialUse)
            .With("$created", Rows.UnixMilliseconds(context.Now))
            .ScalarInt64()!.Value;
        context.Notify(userId, id, MailboxChangeKind.MailboxCreated, initialModSeq);
        return new MailboxRow(id, userId, normalizedName, uidValidity, 1, initialModSeq, specialUse);
    }
}
