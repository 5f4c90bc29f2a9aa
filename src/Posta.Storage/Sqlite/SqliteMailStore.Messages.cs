namespace Posta.Storage.Sqlite;

/// <summary>Message writes: append, delivery, flags, copy, move, expunge.</summary>
internal sealed partial class SqliteMailStore
{
    private static readonly AppendOptions DefaultAppendOptions = new();

    public async Task<AppendResult> AppendAsync(long mailboxId, Stream content, AppendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= DefaultAppendOptions;
        var keywords = Keywords.Normalize(options.Keywords);
        var internalDate = options.InternalDate ?? storeOptions.TimeProvider.GetUtcNow();
        RefuseEarly(mailboxId, content);

        // The bytes are written and fsync'd here, concurrently with other appends; only the metadata
        // goes through the writer, where it shares a commit with whatever else is queued.
        var blob = await blobs.PutAsync(content, cancellationToken);
        try
        {
            return await writer.ExecuteAsync(
                context =>
                {
                    var mailbox = MailWrites.GetMailbox(context, mailboxId);
                    MailWrites.CheckQuota(context, mailbox.UserId, blob.Length);
                    blob.EnsureStored();
                    var message = new NewMessage(options.Flags, keywords, internalDate, blob.Length, blob.Hash);
                    var uid = MailWrites.InsertMessages(context, mailbox, [message])[0];
                    return new AppendResult(mailbox.Id, mailbox.UidValidity, uid, mailbox.HighestModSeq + 1, blob.Hash, blob.Length);
                },
                cancellationToken);
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

    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(
        Stream content,
        IReadOnlyList<DeliveryTarget> targets,
        DateTimeOffset? internalDate = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(targets);
        var keywords = targets.Select(t => Keywords.Normalize(t.Keywords)).ToList();
        var date = internalDate ?? storeOptions.TimeProvider.GetUtcNow();

        var blob = await blobs.PutAsync(content, cancellationToken);
        try
        {
            return await writer.ExecuteAsync(
                context =>
                {
                    var results = new List<DeliveryResult>(targets.Count);
                    var delivered = 0;
                    for (var i = 0; i < targets.Count; i++)
                    {
                        var result = DeliverOne(context, targets[i], keywords[i], date, blob);
                        delivered += result.Status == DeliveryStatus.Delivered ? 1 : 0;
                        results.Add(result);
                    }

                    if (delivered == 0)
                    {
                        context.MarkUnreferenced(blob.Hash);
                    }

                    return (IReadOnlyList<DeliveryResult>)results;
                },
                cancellationToken);
        }
        catch
        {
            await writer.CollectAsync([blob.Hash]);
            throw;
        }
        finally
        {
            await blob.DisposeAsync();
        }
    }

    public Task<StoreFlagsResult> StoreFlagsAsync(
        long mailboxId,
        IReadOnlyList<UidRange> uids,
        FlagChange change,
        ulong? unchangedSince = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ranges = UidRanges.Normalize(uids);
        var keywords = Keywords.Normalize(change.Keywords);
        return writer.ExecuteAsync(context => StoreFlags(context, mailboxId, ranges, change, keywords, unchangedSince), cancellationToken);
    }

    public Task<CopyResult> CopyAsync(long sourceMailboxId, IReadOnlyList<UidRange> uids, long targetMailboxId, CancellationToken cancellationToken = default)
    {
        var ranges = UidRanges.Normalize(uids);
        return writer.ExecuteAsync(context => Copy(context, sourceMailboxId, ranges, targetMailboxId, move: false), cancellationToken);
    }

    public Task<CopyResult> MoveAsync(long sourceMailboxId, IReadOnlyList<UidRange> uids, long targetMailboxId, CancellationToken cancellationToken = default)
    {
        var ranges = UidRanges.Normalize(uids);
        return writer.ExecuteAsync(context => Copy(context, sourceMailboxId, ranges, targetMailboxId, move: true), cancellationToken);
    }

    public Task<ExpungeResult> ExpungeAsync(long mailboxId, IReadOnlyList<UidRange>? uids = null, CancellationToken cancellationToken = default)
    {
        var ranges = UidRanges.Normalize(uids ?? [UidRange.All]);
        return writer.ExecuteAsync(
            context =>
            {
                MailWrites.GetMailbox(context, mailboxId);
                var deleted = MailWrites.SelectMessages(context, mailboxId, ranges)
                    .Where(m => m.Flags.HasFlag(MessageFlags.Deleted))
                    .ToList();
                var highestModSeq = MailWrites.RemoveMessages(context, mailboxId, deleted);
                return new ExpungeResult(deleted.Select(m => m.Uid).ToList(), highestModSeq);
            },
            cancellationToken);
    }

    /// <summary>
    /// Fails before any bytes are written when the outcome is known already: the mailbox is gone, or
    /// the content's length (when the stream knows it) cannot fit the quota. The writer checks again.
    /// </summary>
    private void RefuseEarly(long mailboxId, Stream content)
    {
        using var session = new ReadSession(readConnectionString);
        var mailbox = GetMailbox(session, mailboxId);
        if (!content.CanSeek)
        {
            return;
        }

        using var command = session.Command("SELECT used_bytes, quota_bytes FROM users WHERE id = $id").With("$id", mailbox.UserId);
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            var used = reader.GetInt64(0);
            var limit = reader.IsDBNull(1) ? storeOptions.DefaultQuotaBytes : reader.GetInt64(1);
            var length = content.Length - content.Position;
            if (limit is { } l && length > l - used)
            {
                throw new QuotaExceededException(mailbox.UserId, used, length, l);
            }
        }
    }

    private static DeliveryResult DeliverOne(WriteContext context, DeliveryTarget target, List<string> keywords, DateTimeOffset date, StagedBlob blob)
    {
        if (!MailWrites.UserExists(context, target.UserId))
        {
            return new DeliveryResult(target, DeliveryStatus.UserNotFound, null, 0, 0, 0);
        }

        var name = MailboxNames.TryNormalize(target.Mailbox);
        var mailbox = name is null ? null : MailWrites.FindMailbox(context, target.UserId, name);
        if (mailbox is null)
        {
            mailbox = (target.IfMissing, name) switch
            {
                (MissingMailboxBehavior.Create, not null) => MailWrites.CreateMailbox(context, target.UserId, name, SpecialUse.None),
                (MissingMailboxBehavior.UseInbox, _) => MailWrites.FindMailbox(context, target.UserId, MailboxNames.Inbox),
                _ => null,
            };
            if (mailbox is null)
            {
                return new DeliveryResult(target, DeliveryStatus.MailboxNotFound, null, 0, 0, 0);
            }
        }

        if (!MailWrites.FitsQuota(context, target.UserId, blob.Length, out _, out _))
        {
            return new DeliveryResult(target, DeliveryStatus.QuotaExceeded, null, 0, 0, 0);
        }

        blob.EnsureStored();
        var message = new NewMessage(target.Flags, keywords, date, blob.Length, blob.Hash);
        var uid = MailWrites.InsertMessages(context, mailbox, [message])[0];
        return new DeliveryResult(target, DeliveryStatus.Delivered, mailbox.Name, mailbox.Id, mailbox.UidValidity, uid);
    }

    private static StoreFlagsResult StoreFlags(
        WriteContext context,
        long mailboxId,
        List<UidRange> ranges,
        FlagChange change,
        List<string> keywords,
        ulong? unchangedSince)
    {
        var mailbox = MailWrites.GetMailbox(context, mailboxId);
        var messages = MailWrites.SelectMessages(context, mailboxId, ranges);
        var modified = new List<uint>();
        var result = new List<MessageRecord>(messages.Count);
        var modSeq = mailbox.HighestModSeq + 1;
        var changed = false;
        foreach (var message in messages)
        {
            // RFC 7162 §3.1.3: a message changed after UNCHANGEDSINCE is left alone and reported.
            if (message.ModSeq > unchangedSince)
            {
                modified.Add(message.Uid);
                continue;
            }

            var flags = change.Mode switch
            {
                FlagChangeMode.Replace => change.Flags,
                FlagChangeMode.Add => message.Flags | change.Flags,
                _ => message.Flags & ~change.Flags,
            };
            var newKeywords = Keywords.Apply(message.Keywords, change.Mode, keywords);
            if (flags == message.Flags && ReferenceEquals(newKeywords, message.Keywords))
            {
                result.Add(message);
                continue;
            }

            context.Command("UPDATE messages SET flags = $flags, keywords = $keywords, modseq = $modseq WHERE mailbox_id = $mailbox AND uid = $uid")
                .With("$flags", (int)flags)
                .With("$keywords", Keywords.Format(newKeywords))
                .With("$modseq", (long)modSeq)
                .With("$mailbox", mailboxId)
                .With("$uid", (long)message.Uid)
                .ExecuteNonQuery();
            result.Add(message with { Flags = flags, Keywords = newKeywords, ModSeq = modSeq });
            changed = true;
        }

        if (!changed)
        {
            return new StoreFlagsResult(null, result, modified);
        }

        MailWrites.SetCounters(context, mailboxId, mailbox.UidNext, modSeq);
        context.Notify(mailbox.UserId, mailboxId, MailboxChangeKind.FlagsChanged, modSeq);
        return new StoreFlagsResult(modSeq, result, modified);
    }

    private static CopyResult Copy(WriteContext context, long sourceMailboxId, List<UidRange> ranges, long targetMailboxId, bool move)
    {
        var source = MailWrites.GetMailbox(context, sourceMailboxId);
        var target = MailWrites.GetMailbox(context, targetMailboxId);
        var messages = MailWrites.SelectMessages(context, sourceMailboxId, ranges);
        if (messages.Count == 0)
        {
            return new CopyResult(target.Id, target.UidValidity, [], [], null);
        }

        // A move within one user's mailboxes does not change that user's usage, so it is allowed even
        // over quota: it is how a user over quota cleans up (moving to Trash).
        if (!move || source.UserId != target.UserId)
        {
            MailWrites.CheckQuota(context, target.UserId, messages.Sum(m => m.Size));
        }

        var targetUids = MailWrites.InsertMessages(context, target, messages.Select(NewMessage.CopyOf).ToList());
        ulong? sourceModSeq = move ? MailWrites.RemoveMessages(context, sourceMailboxId, messages) : null;
        return new CopyResult(target.Id, target.UidValidity, messages.Select(m => m.Uid).ToList(), targetUids, sourceModSeq);
    }
}
