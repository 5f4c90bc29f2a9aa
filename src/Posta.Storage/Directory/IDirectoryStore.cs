namespace Posta.Storage.Directory;

/// <summary>
/// Persistent domains, users and aliases. Addresses arrive already normalised (lower-case, IDN as
/// A-labels) from <c>Posta.Directory</c>; the store compares them byte for byte.
/// Every mutating call is one transaction: it either happens entirely or not at all.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>All domains, ordered by name.</summary>
    Task<IReadOnlyList<DomainRecord>> ListDomainsAsync(CancellationToken cancellationToken = default);

    /// <summary>The domain, or null.</summary>
    Task<DomainRecord?> GetDomainAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Adds a domain. Throws <see cref="DuplicateEntryException"/> if it exists.</summary>
    Task<DomainRecord> AddDomainAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a domain. With <paramref name="cascade"/> false it throws <see cref="EntryInUseException"/>
    /// while users or aliases of the domain exist; with true it removes them too, with their mailboxes.
    /// Returns false when the domain did not exist.
    /// </summary>
    Task<bool> RemoveDomainAsync(string name, bool cascade, CancellationToken cancellationToken = default);

    /// <summary>Counts users and aliases of a domain.</summary>
    Task<(int Users, int Aliases)> CountDomainEntriesAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>The user with this exact address, or null.</summary>
    Task<UserRecord?> GetUserAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>The user with this id, or null.</summary>
    Task<UserRecord?> GetUserByIdAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Users, ordered by address; all of them or those of one domain.</summary>
    Task<IReadOnlyList<UserRecord>> ListUsersAsync(string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a user and, in the same transaction, its standard mailboxes (INBOX, Drafts, Sent, Junk,
    /// Trash, Archive with their special-use attributes, all subscribed). Throws
    /// <see cref="DuplicateEntryException"/> if the address is a user or an alias already, and
    /// <see cref="MissingEntryException"/> if the domain does not exist.
    /// </summary>
    Task<UserRecord> AddUserAsync(NewUser user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored password hash and, in the same transaction, the SCRAM-SHA-256 keys with
    /// <paramref name="scramSha256"/>: null clears them, so keys made from an old password never outlive it.
    /// False when there is no such user.
    /// </summary>
    Task<bool> SetPasswordHashAsync(string address, string passwordHash, string? scramSha256 = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets or (with null) clears only the SCRAM-SHA-256 keys, for keys computed from a password that was
    /// just verified against the stored hash. False when there is no such user.
    /// </summary>
    Task<bool> SetScramSha256Async(string address, string? scramSha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the SCRAM-SHA-256 keys only while the user's password hash is still
    /// <paramref name="expectedPasswordHash"/>: keys computed at a login must not land after a password
    /// change that raced with it. False when there is no such user or the hash has changed.
    /// </summary>
    Task<bool> SetScramSha256Async(string address, string? scramSha256, string expectedPasswordHash, CancellationToken cancellationToken = default);

    /// <summary>Sets quota (null: domain/global default) and the disabled flag. False when there is no such user.</summary>
    Task<bool> UpdateUserAsync(string address, long? quotaBytes, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>Removes a user with its mailboxes and messages (blobs are released). False when there is no such user.</summary>
    Task<bool> RemoveUserAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>
    /// The alias with this source (an address, or <c>@domain</c> for a catch-all), with all its
    /// targets, or null.
    /// </summary>
    Task<AliasRecord?> GetAliasAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Aliases ordered by source; all of them or those of one domain.</summary>
    Task<IReadOnlyList<AliasRecord>> ListAliasesAsync(string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds targets to an alias (creating it). Targets already present are ignored. Throws
    /// <see cref="DuplicateEntryException"/> if the source is a user's address, and
    /// <see cref="MissingEntryException"/> if the source's domain does not exist.
    /// </summary>
    Task<AliasRecord> AddAliasTargetsAsync(string source, IReadOnlyList<string> targets, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one target of an alias, or the whole alias when <paramref name="target"/> is null
    /// (an alias left with no target is removed). False when nothing matched.
    /// </summary>
    Task<bool> RemoveAliasAsync(string source, string? target, CancellationToken cancellationToken = default);
}
