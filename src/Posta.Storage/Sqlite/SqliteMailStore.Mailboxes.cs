namespace Posta.Storage.Sqlite;

/// <summary>
/// Mailbox writes: create, rename, delete, subscribe. Names are checked before queueing, inside the
/// returned task, so a bad name costs no trip through the writer.
/// </summary>
internal sealed partial class SqliteMailStore
{
    public async Task<MailboxInfo> CreateMailboxAsync(long userId, string name, SpecialUse specialUse = SpecialUse.None, CancellationToken cancellationToken = default)
    {
        var normalized = MailboxNames.Normalize(name);
        return await writer.ExecuteAsync(
            context =>
            {
                if (!MailWrites.UserExists(context, userId))
                {
                    throw new UserNotFoundException($"User {userId} does not exist.");
                }

                if (MailWrites.FindMailbox(context, userId, normalized) is not null)
                {
                    throw new MailboxExistsException($"Mailbox {normalized} exists already.");
                }

                var mailbox = MailWrites.CreateMailbox(context, userId, normalized, specialUse);
                return mailbox.ToInfo(MailWrites.IsSubscribed(context, userId, normalized));
            },
            cancellationToken);
    }

    public async Task<MailboxInfo> RenameMailboxAsync(long userId, string oldName, string newName, CancellationToken cancellationToken = default)
    {
        var from = MailboxNames.Normalize(oldName);
        var to = MailboxNames.Normalize(newName);
        return await writer.ExecuteAsync(
            context =>
            {
                var mailbox = MailWrites.FindMailbox(context, userId, from)
                    ?? throw new MailboxNotFoundException($"Mailbox {from} does not exist.");
                if (MailWrites.FindMailbox(context, userId, to) is not null)
                {
                    throw new MailboxExistsException($"Mailbox {to} exists already.");
                }

                if (MailboxNames.IsBelow(to, from))
                {
                    throw new MailboxOperationNotAllowedException($"Mailbox {from} cannot be moved below itself.");
                }

                var renamed = MailboxNames.IsInbox(from)
                    ? RenameInbox(context, mailbox, to)
                    : RenameTree(context, mailbox, to);
                return renamed.ToInfo(MailWrites.IsSubscribed(context, userId, to));
            },
            cancellationToken);
    }

    public async Task DeleteMailboxAsync(long userId, string name, CancellationToken cancellationToken = default)
    {
        var normalized = MailboxNames.Normalize(name);
        if (MailboxNames.IsInbox(normalized))
        {
            throw new MailboxOperationNotAllowedException("INBOX cannot be deleted.");
        }

        await writer.ExecuteAsync(
            context =>
            {
                var mailbox = MailWrites.FindMailbox(context, userId, normalized)
                    ?? throw new MailboxNotFoundException($"Mailbox {normalized} does not exist.");
                MailWrites.DeleteMailbox(context, mailbox);
                return true;
            },
            cancellationToken);
    }

    public async Task SetSubscribedAsync(long userId, string name, bool subscribed, CancellationToken cancellationToken = default)
    {
        var normalized = MailboxNames.Normalize(name);
        await writer.ExecuteAsync(
            context =>
            {
                if (!MailWrites.UserExists(context, userId))
                {
                    throw new UserNotFoundException($"User {userId} does not exist.");
                }

                if (subscribed)
                {
                    MailWrites.Subscribe(context, userId, normalized);
                }
                else
                {
                    MailWrites.Unsubscribe(context, userId, normalized);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Renames a mailbox and everything below it. Each keeps its id, UIDVALIDITY and messages, so
    /// sessions that have it selected carry on; subscriptions move with the names.
    /// </summary>
    private static MailboxRow RenameTree(WriteContext context, MailboxRow mailbox, string to)
    {
        var from = mailbox.Name;
        var tree = new List<(long Id, string Name)>();
        using (var reader = context.Command(
            """
            SELECT id, name FROM mailboxes
            WHERE user_id = $user AND (name = $from OR substr(name, 1, length($from) + 1) = $from || '/')
            """)
            .With("$user", mailbox.UserId)
            .With("$from", from)
            .ExecuteReader())
        {
            while (reader.Read())
            {
                tree.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var renames = tree.Select(m => (m.Id, OldName: m.Name, NewName: string.Concat(to, m.Name.AsSpan(from.Length)))).ToList();
        foreach (var rename in renames)
        {
            if (MailWrites.FindMailbox(context, mailbox.UserId, rename.NewName) is not null)
            {
                throw new MailboxExistsException($"Mailbox {rename.NewName} exists already.");
            }
        }

        foreach (var parent in MailboxNames.Parents(to))
        {
            if (MailWrites.FindMailbox(context, mailbox.UserId, parent) is null)
            {
                MailWrites.CreateMailbox(context, mailbox.UserId, parent, SpecialUse.None);
            }
        }

        foreach (var rename in renames)
        {
            context.Command("UPDATE mailboxes SET name = $name WHERE id = $id")
                .With("$name", rename.NewName)
                .With("$id", rename.Id)
                .ExecuteNonQuery();
            if (MailWrites.IsSubscribed(context, mailbox.UserId, rename.OldName))
            {
                MailWrites.Unsubscribe(context, mailbox.UserId, rename.OldName);
                MailWrites.Subscribe(context, mailbox.UserId, rename.NewName);
            }

            var row = MailWrites.GetMailbox(context, rename.Id);
            context.Notify(row.UserId, row.Id, MailboxChangeKind.MailboxRenamed, row.HighestModSeq);
        }

        return MailWrites.GetMailbox(context, mailbox.Id);
    }

    /// <summary>
    /// RFC 9051 §6.3.6: renaming INBOX moves all its messages to a new mailbox with the new name and
    /// leaves INBOX in place, empty; mailboxes below INBOX stay where they are.
    /// </summary>
    private static MailboxRow RenameInbox(WriteContext context, MailboxRow inbox, string to)
    {
        var target = MailWrites.CreateMailbox(context, inbox.UserId, to, SpecialUse.None);
        var messages = MailWrites.SelectMessages(context, inbox.Id, [UidRange.All]);
        if (messages.Count > 0)
        {
            MailWrites.InsertMessages(context, target, messages.Select(NewMessage.CopyOf).ToList());
            MailWrites.RemoveMessages(context, inbox.Id, messages);
        }

        return MailWrites.GetMailbox(context, target.Id);
    }
}
