using Microsoft.Data.Sqlite;

namespace Posta.Storage.Sqlite;

/// <summary>
/// The schema history. The database records its version in <c>PRAGMA user_version</c>; opening runs
/// the missing steps in order inside one transaction, so an older data directory is upgraded in place
/// or left as it was. A step, once released, is never edited: changes go into a new step.
/// </summary>
internal static class SchemaMigrations
{
    // Ids are AUTOINCREMENT so a removed user or mailbox never lends its id to a new one while a
    // session still holds it.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "directory, mailboxes, messages, blobs, change log", """
            CREATE TABLE domains (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                created INTEGER NOT NULL
            );

            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                address TEXT NOT NULL UNIQUE,
                domain_id INTEGER NOT NULL REFERENCES domains (id),
                password_hash TEXT NOT NULL,
                quota_bytes INTEGER,
                disabled INTEGER NOT NULL DEFAULT 0,
                created INTEGER NOT NULL,
                used_bytes INTEGER NOT NULL DEFAULT 0,
                message_count INTEGER NOT NULL DEFAULT 0,
                last_uid_validity INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX users_domain ON users (domain_id);

            CREATE TABLE aliases (
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                domain_id INTEGER NOT NULL REFERENCES domains (id),
                PRIMARY KEY (source, target)
            ) WITHOUT ROWID;
            CREATE INDEX aliases_domain ON aliases (domain_id);

            CREATE TABLE mailboxes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users (id),
                name TEXT NOT NULL,
                uid_validity INTEGER NOT NULL,
                uid_next INTEGER NOT NULL,
                highest_modseq INTEGER NOT NULL,
                special_use INTEGER NOT NULL DEFAULT 0,
                subscribed INTEGER NOT NULL DEFAULT 0,
                created INTEGER NOT NULL,
                UNIQUE (user_id, name)
            );

            CREATE TABLE blobs (
                hash TEXT PRIMARY KEY,
                size INTEGER NOT NULL,
                refcount INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE messages (
                mailbox_id INTEGER NOT NULL REFERENCES mailboxes (id),
                uid INTEGER NOT NULL,
                modseq INTEGER NOT NULL,
                flags INTEGER NOT NULL,
                keywords TEXT NOT NULL DEFAULT '',
                internal_date INTEGER NOT NULL,
                internal_date_offset INTEGER NOT NULL,
                size INTEGER NOT NULL,
                blob_hash TEXT NOT NULL REFERENCES blobs (hash),
                PRIMARY KEY (mailbox_id, uid)
            ) WITHOUT ROWID;

            CREATE TABLE expunged (
                mailbox_id INTEGER NOT NULL REFERENCES mailboxes (id),
                uid INTEGER NOT NULL,
                modseq INTEGER NOT NULL,
                PRIMARY KEY (mailbox_id, uid)
            ) WITHOUT ROWID;
            """),

        // IMAP lets a client subscribe to a name that has no mailbox, and a subscription outlives the
        // mailbox's deletion (RFC 9051 §6.3.9), so subscriptions become rows of their own.
        new(2, "subscriptions independent of mailboxes", """
            CREATE TABLE subscriptions (
                user_id INTEGER NOT NULL REFERENCES users (id),
                name TEXT NOT NULL,
                PRIMARY KEY (user_id, name)
            ) WITHOUT ROWID;

            INSERT INTO subscriptions (user_id, name)
                SELECT user_id, name FROM mailboxes WHERE subscribed <> 0;

            ALTER TABLE mailboxes DROP COLUMN subscribed;
            """),

        // CONDSTORE/QRESYNC read by mod-sequence, and blob collection looks for unreferenced blobs;
        // without these each is a scan of the whole mailbox or blob table.
        new(3, "indexes for changes since a mod-sequence and for unreferenced blobs", """
            CREATE INDEX messages_modseq ON messages (mailbox_id, modseq);
            CREATE INDEX expunged_modseq ON expunged (mailbox_id, modseq);
            CREATE INDEX blobs_unreferenced ON blobs (hash) WHERE refcount = 0;
            """),

        // SCRAM (RFC 5802, RFC 7677) cannot verify against a bcrypt hash: the salted keys are kept
        // next to it, in Dovecot's "{SCRAM-SHA-256}iterations,salt,StoredKey,ServerKey" form.
        new(4, "SCRAM-SHA-256 keys of users", """
            ALTER TABLE users ADD COLUMN scram_sha256 TEXT;
            """),

        // The mail queue: messages accepted for recipients that are not delivered yet (other servers,
        // a store node over LMTP, delivery status notifications). The bytes are a referenced blob.
        new(5, "mail queue", """
            CREATE TABLE queue_messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                queue_id TEXT NOT NULL UNIQUE,
                sender TEXT NOT NULL,
                blob_hash TEXT NOT NULL REFERENCES blobs (hash),
                size INTEGER NOT NULL,
                envelope_id TEXT,
                dsn_return INTEGER NOT NULL DEFAULT 0,
                body_type INTEGER NOT NULL DEFAULT 0,
                smtputf8 INTEGER NOT NULL DEFAULT 0,
                require_tls INTEGER NOT NULL DEFAULT 0,
                is_report INTEGER NOT NULL DEFAULT 0,
                authenticated_user TEXT,
                client TEXT,
                received INTEGER NOT NULL
            );

            CREATE TABLE queue_recipients (
                message_id INTEGER NOT NULL REFERENCES queue_messages (id),
                seq INTEGER NOT NULL,
                address TEXT NOT NULL,
                original_recipient TEXT,
                notify INTEGER NOT NULL DEFAULT 0,
                state INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt INTEGER NOT NULL,
                lease_until INTEGER NOT NULL DEFAULT 0,
                last_reply TEXT,
                PRIMARY KEY (message_id, seq)
            ) WITHOUT ROWID;
            CREATE INDEX queue_recipients_due ON queue_recipients (next_attempt) WHERE state = 0;
            """),
    ];

    public static int LatestVersion => All[^1].Version;

    /// <summary>
    /// Brings the database to <paramref name="targetVersion"/> (the latest by default) in one
    /// transaction and returns the version it had before.
    /// </summary>
    /// <exception cref="SchemaVersionException">The database is newer than this code.</exception>
    public static int Migrate(SqliteConnection connection, int? targetVersion = null)
    {
        var target = targetVersion ?? LatestVersion;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, LatestVersion);

        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            var version = Convert.ToInt32(connection.Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            if (version > LatestVersion)
            {
                throw new SchemaVersionException(
                    $"The database has schema version {version}, newer than {LatestVersion}, the newest this version of Posta knows. " +
                    "Run the newer Posta, or restore a backup made before it was upgraded.");
            }

            foreach (var step in All)
            {
                if (step.Version > version && step.Version <= target)
                {
                    connection.Execute(step.Sql);
                }
            }

            if (target > version)
            {
                connection.Execute($"PRAGMA user_version = {target}");
            }

            connection.Execute("COMMIT");
            return version;
        }
        catch
        {
            connection.Execute("ROLLBACK");
            throw;
        }
    }
}
