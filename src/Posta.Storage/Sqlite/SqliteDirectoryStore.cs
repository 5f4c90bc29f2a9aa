using Microsoft.Data.Sqlite;
using Posta.Storage.Directory;

namespace Posta.Storage.Sqlite;

/// <summary>
/// Domains, users and aliases in the metadata database. Writes share the mail store's writer, so
/// creating a user with its mailboxes, or removing one with its messages and blob references, is one
/// transaction.
/// </summary>
internal sealed class SqliteDirectoryStore(SqliteWriter writer, string readConnectionString) : IDirectoryStore
{
    private const string UserQuery =
        """
        SELECT u.id, u.address, d.name, u.password_hash, u.quota_bytes, u.disabled, u.created, u.scram_sha256
        FROM users u JOIN domains d ON d.id = u.domain_id
        """;

    public Task<IReadOnlyList<DomainRecord>> ListDomainsAsync(CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<IReadOnlyList<DomainRecord>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT id, name, created FROM domains ORDER BY name");
                return QueryDomains(command);
            },
            cancellationToken);
    }

    public Task<DomainRecord?> GetDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SynchronousRead.RunAsTask<DomainRecord?>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command("SELECT id, name, created FROM domains WHERE name = $name").With("$name", name);
                return QueryDomains(command).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<DomainRecord> AddDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return writer.ExecuteAsync(
            context =>
            {
                if (FindDomainId(context, name) is not null)
                {
                    throw new DuplicateEntryException($"Domain {name} exists already.");
                }

                var created = context.Now;
                var id = context.Command("INSERT INTO domains (name, created) VALUES ($name, $created) RETURNING id")
                    .With("$name", name)
                    .With("$created", Rows.UnixMilliseconds(created))
                    .ScalarInt64()!.Value;
                return new DomainRecord(id, name, DateTimeOffset.FromUnixTimeMilliseconds(Rows.UnixMilliseconds(created)));
            },
            cancellationToken);
    }

    public Task<bool> RemoveDomainAsync(string name, bool cascade, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return writer.ExecuteAsync(
            context =>
            {
                if (FindDomainId(context, name) is not { } domainId)
                {
                    return false;
                }

                var users = new List<long>();
                using (var reader = context.Command("SELECT id FROM users WHERE domain_id = $domain").With("$domain", domainId).ExecuteReader())
                {
                    while (reader.Read())
                    {
                        users.Add(reader.GetInt64(0));
                    }
                }

                var aliases = context.Command("SELECT count(*) FROM aliases WHERE domain_id = $domain").With("$domain", domainId).ScalarInt64();
                if (!cascade && (users.Count > 0 || aliases > 0))
                {
                    throw new EntryInUseException(
                        $"Domain {name} still has {users.Count} user(s) and {aliases} alias target(s); remove them first, or remove the domain with its entries.");
                }

                foreach (var user in users)
                {
                    RemoveUser(context, user);
                }

                context.Command("DELETE FROM aliases WHERE domain_id = $domain").With("$domain", domainId).ExecuteNonQuery();
                context.Command("DELETE FROM domains WHERE id = $domain").With("$domain", domainId).ExecuteNonQuery();
                return true;
            },
            cancellationToken);
    }

    public Task<(int Users, int Aliases)> CountDomainEntriesAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return SynchronousRead.RunAsTask<(int Users, int Aliases)>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command(
                    """
                    SELECT (SELECT count(*) FROM users WHERE domain_id = d.id),
                           (SELECT count(DISTINCT source) FROM aliases WHERE domain_id = d.id)
                    FROM domains d WHERE d.name = $name
                    """)
                    .With("$name", domain);
                using var reader = command.ExecuteReader();
                return reader.Read() ? (reader.GetInt32(0), reader.GetInt32(1)) : (0, 0);
            },
            cancellationToken);
    }

    public Task<UserRecord?> GetUserAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return SynchronousRead.RunAsTask<UserRecord?>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command($"{UserQuery} WHERE u.address = $address").With("$address", address);
                return QueryUsers(command).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<UserRecord?> GetUserByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<UserRecord?>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command($"{UserQuery} WHERE u.id = $id").With("$id", id);
                return QueryUsers(command).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<IReadOnlyList<UserRecord>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command($"{UserQuery} WHERE $domain IS NULL OR d.name = $domain ORDER BY u.address").With("$domain", domain);
                return QueryUsers(command);
            },
            cancellationToken);
    }

    public Task<UserRecord> AddUserAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Address);
        ArgumentNullException.ThrowIfNull(user.PasswordHash);
        if (user.QuotaBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(user), "A quota cannot be negative.");
        }

        return writer.ExecuteAsync(
            context =>
            {
                var domainId = FindDomainId(context, user.Domain)
                    ?? throw new MissingEntryException($"Domain {user.Domain} does not exist; add it first.");
                if (FindUserId(context, user.Address) is not null)
                {
                    throw new DuplicateEntryException($"User {user.Address} exists already.");
                }

                if (AliasExists(context, user.Address))
                {
                    throw new DuplicateEntryException($"{user.Address} is an alias; remove the alias first.");
                }

                var created = DateTimeOffset.FromUnixTimeMilliseconds(Rows.UnixMilliseconds(context.Now));
                var id = context.Command(
                    """
                    INSERT INTO users (address, domain_id, password_hash, quota_bytes, disabled, created, scram_sha256)
                    VALUES ($address, $domain, $hash, $quota, $disabled, $created, $scram)
                    RETURNING id
                    """)
                    .With("$address", user.Address)
                    .With("$domain", domainId)
                    .With("$hash", user.PasswordHash)
                    .With("$quota", user.QuotaBytes)
                    .With("$disabled", user.Disabled)
                    .With("$created", created.ToUnixTimeMilliseconds())
                    .With("$scram", user.ScramSha256)
                    .ScalarInt64()!.Value;

                foreach (var (name, use) in StandardMailboxes.All)
                {
                    MailWrites.CreateMailbox(context, id, name, use);
                    MailWrites.Subscribe(context, id, name);
                }

                return new UserRecord(id, user.Address, user.Domain, user.PasswordHash, user.QuotaBytes, user.Disabled, created)
                {
                    ScramSha256 = user.ScramSha256,
                };
            },
            cancellationToken);
    }

    public Task<bool> SetPasswordHashAsync(string address, string passwordHash, string? scramSha256 = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(passwordHash);
        return writer.ExecuteAsync(
            context => context.Command("UPDATE users SET password_hash = $hash, scram_sha256 = $scram WHERE address = $address")
                .With("$hash", passwordHash)
                .With("$scram", scramSha256)
                .With("$address", address)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    public Task<bool> SetScramSha256Async(string address, string? scramSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return writer.ExecuteAsync(
            context => context.Command("UPDATE users SET scram_sha256 = $scram WHERE address = $address")
                .With("$scram", scramSha256)
                .With("$address", address)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    public Task<bool> SetScramSha256Async(string address, string? scramSha256, string expectedPasswordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(expectedPasswordHash);
        return writer.ExecuteAsync(
            context => context.Command("UPDATE users SET scram_sha256 = $scram WHERE address = $address AND password_hash = $expected")
                .With("$scram", scramSha256)
                .With("$address", address)
                .With("$expected", expectedPasswordHash)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    public Task<bool> UpdateUserAsync(string address, long? quotaBytes, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (quotaBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quotaBytes), "A quota cannot be negative.");
        }

        return writer.ExecuteAsync(
            context => context.Command("UPDATE users SET quota_bytes = $quota, disabled = $disabled WHERE address = $address")
                .With("$quota", quotaBytes)
                .With("$disabled", disabled)
                .With("$address", address)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    public Task<bool> RemoveUserAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return writer.ExecuteAsync(
            context =>
            {
                if (FindUserId(context, address) is not { } id)
                {
                    return false;
                }

                RemoveUser(context, id);
                return true;
            },
            cancellationToken);
    }

    public Task<AliasRecord?> GetAliasAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return SynchronousRead.RunAsTask<AliasRecord?>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command(
                    "SELECT a.source, d.name, a.target FROM aliases a JOIN domains d ON d.id = a.domain_id WHERE a.source = $source ORDER BY a.target")
                    .With("$source", source);
                return QueryAliases(command).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AliasRecord>> ListAliasesAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        return SynchronousRead.RunAsTask<IReadOnlyList<AliasRecord>>(
            () =>
            {
                using var session = new ReadSession(readConnectionString);
                using var command = session.Command(
                    """
                    SELECT a.source, d.name, a.target FROM aliases a JOIN domains d ON d.id = a.domain_id
                    WHERE $domain IS NULL OR d.name = $domain
                    ORDER BY a.source, a.target
                    """)
                    .With("$domain", domain);
                return QueryAliases(command);
            },
            cancellationToken);
    }

    public Task<AliasRecord> AddAliasTargetsAsync(string source, IReadOnlyList<string> targets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0 || targets.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An alias needs at least one non-empty target.", nameof(targets));
        }

        var domain = DomainOf(source);
        return writer.ExecuteAsync(
            context =>
            {
                var domainId = FindDomainId(context, domain)
                    ?? throw new MissingEntryException($"Domain {domain} does not exist; add it first.");
                if (FindUserId(context, source) is not null)
                {
                    throw new DuplicateEntryException($"{source} is a user; an alias cannot have the same address.");
                }

                foreach (var target in targets)
                {
                    context.Command("INSERT OR IGNORE INTO aliases (source, target, domain_id) VALUES ($source, $target, $domain)")
                        .With("$source", source)
                        .With("$target", target)
                        .With("$domain", domainId)
                        .ExecuteNonQuery();
                }

                var all = new List<string>();
                using (var reader = context.Command("SELECT target FROM aliases WHERE source = $source ORDER BY target").With("$source", source).ExecuteReader())
                {
                    while (reader.Read())
                    {
                        all.Add(reader.GetString(0));
                    }
                }

                return new AliasRecord(source, domain, all);
            },
            cancellationToken);
    }

    public Task<bool> RemoveAliasAsync(string source, string? target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return writer.ExecuteAsync(
            context => context.Command("DELETE FROM aliases WHERE source = $source AND ($target IS NULL OR target = $target)")
                .With("$source", source)
                .With("$target", target)
                .ExecuteNonQuery() > 0,
            cancellationToken);
    }

    /// <summary>Removes a user with every mailbox, message and subscription, releasing blob references.</summary>
    internal static void RemoveUser(WriteContext context, long userId)
    {
        var mailboxes = new List<MailboxRow>();
        using (var reader = context.Command($"SELECT {Rows.MailboxColumns} FROM mailboxes m WHERE m.user_id = $user").With("$user", userId).ExecuteReader())
        {
            while (reader.Read())
            {
                mailboxes.Add(Rows.ReadMailbox(reader));
            }
        }

        foreach (var mailbox in mailboxes)
        {
            MailWrites.DeleteMailbox(context, mailbox);
        }

        context.Command("DELETE FROM subscriptions WHERE user_id = $user").With("$user", userId).ExecuteNonQuery();
        context.Command("DELETE FROM users WHERE id = $user").With("$user", userId).ExecuteNonQuery();
    }

    private static string DomainOf(string source)
    {
        var at = source.LastIndexOf('@');
        if (at < 0 || at == source.Length - 1)
        {
            throw new ArgumentException($"\"{source}\" is neither an address nor @domain.", nameof(source));
        }

        return source[(at + 1)..];
    }

    private static long? FindDomainId(WriteContext context, string name) =>
        context.Command("SELECT id FROM domains WHERE name = $name").With("$name", name).ScalarInt64();

    private static long? FindUserId(WriteContext context, string address) =>
        context.Command("SELECT id FROM users WHERE address = $address").With("$address", address).ScalarInt64();

    private static bool AliasExists(WriteContext context, string source) =>
        context.Command("SELECT 1 FROM aliases WHERE source = $source LIMIT 1").With("$source", source).ScalarInt64() is not null;

    private static List<DomainRecord> QueryDomains(SqliteCommand command)
    {
        var domains = new List<DomainRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            domains.Add(new DomainRecord(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return domains;
    }

    private static List<UserRecord> QueryUsers(SqliteCommand command)
    {
        var users = new List<UserRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            users.Add(new UserRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.GetBoolean(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
            {
                ScramSha256 = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return users;
    }

    private static List<AliasRecord> QueryAliases(SqliteCommand command)
    {
        var aliases = new List<AliasRecord>();
        using var reader = command.ExecuteReader();
        string? source = null;
        string? domain = null;
        List<string> targets = [];
        while (reader.Read())
        {
            var rowSource = reader.GetString(0);
            if (rowSource != source)
            {
                if (source is not null)
                {
                    aliases.Add(new AliasRecord(source, domain!, targets));
                }

                source = rowSource;
                domain = reader.GetString(1);
                targets = [];
            }

            targets.Add(reader.GetString(2));
        }

        if (source is not null)
        {
            aliases.Add(new AliasRecord(source, domain!, targets));
        }

        return aliases;
    }
}
