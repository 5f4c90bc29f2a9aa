using Posta.Directory.Addresses;
using Posta.Directory.Passwords;
using Posta.Sasl;
using Posta.Storage.Directory;

namespace Posta.Directory;

/// <summary>
/// Domains, users and aliases as administrators and protocols see them: validates and normalises
/// input, hashes passwords, explains refusals, and authenticates logins. Persistence is the
/// <see cref="IDirectoryStore"/>'s.
/// </summary>
public sealed class AccountDirectory(IDirectoryStore store, DirectoryOptions options)
{
    // Verified when a login names no account so that unknown users take as long as wrong passwords.
    private readonly Lazy<string> _decoyHash = new(() => PasswordHasher.Hash("posta-decoy-password", options.PasswordScheme));

    /// <summary>The store behind this directory.</summary>
    public IDirectoryStore Store => store;

    /// <summary>The settings in force.</summary>
    public DirectoryOptions Options => options;

    /// <summary>Adds a hosted domain.</summary>
    public async Task<DomainRecord> AddDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        var domain = NormalizeDomain(name);
        try
        {
            return await store.AddDomainAsync(domain, cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            throw new DirectoryException($"the domain {domain} exists already");
        }
    }

    /// <summary>
    /// Removes a domain. While it has users or aliases, <paramref name="force"/> must be true, and
    /// then they go with it, mailboxes and all. Returns the normalised name removed.
    /// </summary>
    public async Task<string> RemoveDomainAsync(string name, bool force, CancellationToken cancellationToken = default)
    {
        var domain = NormalizeDomain(name);
        if (!force)
        {
            var (users, aliases) = await store.CountDomainEntriesAsync(domain, cancellationToken);
            if (users + aliases > 0)
            {
                throw new DirectoryException(
                    $"the domain {domain} still has {users} user(s) and {aliases} alias(es); " +
                    "remove them first, or pass --force to delete them with their mail");
            }
        }

        bool removed;
        try
        {
            removed = await store.RemoveDomainAsync(domain, cascade: force, cancellationToken);
        }
        catch (EntryInUseException)
        {
            throw new DirectoryException($"the domain {domain} still has users or aliases; pass --force to delete them with their mail");
        }

        if (!removed)
        {
            throw new DirectoryException($"the domain {domain} does not exist");
        }

        return domain;
    }

    /// <summary>
    /// Adds a user with either a password (hashed with the configured scheme, and SCRAM-SHA-256 keys
    /// made from it) or a hash made elsewhere (<c>{SCHEME}...</c>, as <c>doveadm pw</c> writes; a
    /// <c>{SCRAM-SHA-256}</c> hash serves as the SCRAM keys too, any other leaves the user without them
    /// until the first successful password login).
    /// </summary>
    public async Task<UserRecord> AddUserAsync(string address, string? password, string? passwordHash, long? quotaBytes = null, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeAddress(address);
        var (_, domain) = AddressNormalizer.Split(normalized);
        if (quotaBytes is < 0)
        {
            throw new DirectoryException("the quota may not be negative");
        }

        var (hash, scram) = MakeHash(normalized, password, passwordHash);
        if (await store.GetDomainAsync(domain, cancellationToken) is null)
        {
            throw new DirectoryException($"the domain {domain} does not exist; add it first with: posta domain add {domain}");
        }

        try
        {
            return await store.AddUserAsync(new NewUser(normalized, domain, hash, quotaBytes) { ScramSha256 = scram }, cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            throw new DirectoryException($"{normalized} exists already as a user or an alias");
        }
        catch (MissingEntryException)
        {
            throw new DirectoryException($"the domain {domain} does not exist; add it first with: posta domain add {domain}");
        }
    }

    /// <summary>
    /// Replaces a user's password, and in the same write the SCRAM-SHA-256 keys, as
    /// <see cref="AddUserAsync"/> makes them: keys of the old password never survive the change.
    /// </summary>
    public async Task SetPasswordAsync(string address, string? password, string? passwordHash, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeAddress(address);
        var (hash, scram) = MakeHash(normalized, password, passwordHash);
        if (!await store.SetPasswordHashAsync(normalized, hash, scram, cancellationToken))
        {
            throw new DirectoryException($"there is no user {normalized}");
        }
    }

    /// <summary>Changes a user's quota (null: the default) and whether the account is disabled.</summary>
    public async Task UpdateUserAsync(string address, long? quotaBytes, bool disabled, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeAddress(address);
        if (quotaBytes is < 0)
        {
            throw new DirectoryException("the quota may not be negative");
        }

        if (!await store.UpdateUserAsync(normalized, quotaBytes, disabled, cancellationToken))
        {
            throw new DirectoryException($"there is no user {normalized}");
        }
    }

    /// <summary>Removes a user and all of its mail; returns the normalised address removed.</summary>
    public async Task<string> RemoveUserAsync(string address, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeAddress(address);
        if (!await store.RemoveUserAsync(normalized, cancellationToken))
        {
            throw new DirectoryException($"there is no user {normalized}");
        }

        return normalized;
    }

    /// <summary>The user with this address (normalised first); refuses when there is none.</summary>
    public async Task<UserRecord> GetUserAsync(string address, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeAddress(address);
        return await store.GetUserAsync(normalized, cancellationToken) ?? throw new DirectoryException($"there is no user {normalized}");
    }

    /// <summary>
    /// Adds targets to an alias. The source is an address or <c>@domain</c> (catch-all) of a hosted
    /// domain; a target is any address, or <c>@otherdomain</c> to map every local part of a
    /// catch-all to the same local part there.
    /// </summary>
    public async Task<AliasRecord> AddAliasAsync(string source, IReadOnlyList<string> targets, CancellationToken cancellationToken = default)
    {
        if (targets.Count == 0)
        {
            throw new DirectoryException("an alias needs at least one target address");
        }

        var normalizedSource = NormalizeAliasSource(source);
        var normalizedTargets = new List<string>(targets.Count);
        foreach (var target in targets)
        {
            var t = target.Trim();
            if (t.StartsWith('@'))
            {
                if (!normalizedSource.StartsWith('@'))
                {
                    throw new DirectoryException($"the target {t} maps a whole domain; only a catch-all source (@domain) may use it");
                }

                normalizedTargets.Add("@" + NormalizeDomain(t[1..]));
            }
            else
            {
                normalizedTargets.Add(NormalizeAddress(t));
            }
        }

        if (normalizedTargets.Contains(normalizedSource, StringComparer.Ordinal))
        {
            throw new DirectoryException($"the alias {normalizedSource} may not point at itself");
        }

        var domain = normalizedSource.StartsWith('@') ? normalizedSource[1..] : AddressNormalizer.Split(normalizedSource).Domain;
        if (await store.GetDomainAsync(domain, cancellationToken) is null)
        {
            throw new DirectoryException($"the domain {domain} is not hosted here; add it first with: posta domain add {domain}");
        }

        try
        {
            return await store.AddAliasTargetsAsync(normalizedSource, normalizedTargets, cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            throw new DirectoryException($"{normalizedSource} is a user; an address is either a user or an alias");
        }
        catch (MissingEntryException)
        {
            throw new DirectoryException($"the domain {domain} is not hosted here; add it first with: posta domain add {domain}");
        }
    }

    /// <summary>Removes one target of an alias, or the whole alias when <paramref name="target"/> is null.</summary>
    public async Task RemoveAliasAsync(string source, string? target, CancellationToken cancellationToken = default)
    {
        var normalizedSource = NormalizeAliasSource(source);
        string? normalizedTarget = null;
        if (target is not null)
        {
            var t = target.Trim();
            normalizedTarget = t.StartsWith('@') ? "@" + NormalizeDomain(t[1..]) : NormalizeAddress(t);
        }

        if (!await store.RemoveAliasAsync(normalizedSource, normalizedTarget, cancellationToken))
        {
            throw new DirectoryException(normalizedTarget is null
                ? $"there is no alias {normalizedSource}"
                : $"the alias {normalizedSource} has no target {normalizedTarget}");
        }
    }

    /// <summary>
    /// Checks a login: the full address of a user, or an alias address that reaches exactly one
    /// local user (Dovecot setups that log in by alias). Disabled accounts fail. A user without
    /// SCRAM-SHA-256 keys gets them made from the password just verified (imported hashes cannot give
    /// them); should that write fail, the login still succeeds and the next one tries again.
    /// </summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        var user = await FindLoginUserAsync(login, cancellationToken);
        if (user is null)
        {
            PasswordHasher.Verify(_decoyHash.Value, password);
            return new AuthenticationResult(null, "unknown user");
        }

        var check = PasswordHasher.Verify(user.PasswordHash, password);
        if (check != PasswordCheck.Match)
        {
            return new AuthenticationResult(null, check == PasswordCheck.Unsupported ? "stored password hash is not usable" : "wrong password");
        }

        if (user.Disabled)
        {
            return new AuthenticationResult(null, "account disabled");
        }

        if (user.ScramSha256 is null && await TryAddScramKeysAsync(user, password, cancellationToken) is { } keys)
        {
            user = user with { ScramSha256 = keys };
        }

        return new AuthenticationResult(user, null);
    }

    /// <summary>
    /// The user a login names, as <see cref="AuthenticateAsync"/> resolves it: the user with that
    /// address, or the one local user an alias of that address reaches; null otherwise.
    /// </summary>
    public async Task<UserRecord?> FindLoginUserAsync(string login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        if (!AddressNormalizer.TryNormalizeAddress(login, out var address, out _))
        {
            return null;
        }

        return await store.GetUserAsync(address, cancellationToken) ?? await FindUserByAliasAsync(address, cancellationToken);
    }

    private async Task<string?> TryAddScramKeysAsync(UserRecord user, string password, CancellationToken cancellationToken)
    {
        if (ScramKeysFor(password, user.PasswordHash) is not { } keys)
        {
            return null;
        }

        try
        {
            // Only while the hash is the one just verified: a password change racing with this login wins.
            return await store.SetScramSha256Async(user.Address, keys, user.PasswordHash, cancellationToken) ? keys : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The login itself succeeded; the keys are a convenience the next login can add.
            return null;
        }
    }

    /// <summary>
    /// SCRAM-SHA-256 keys to store beside <paramref name="hash"/>: the hash itself when it is a SCRAM hash,
    /// else keys made from the password, or null when SASLprep (RFC 4013) refuses the password, since no
    /// SCRAM client could send it either.
    /// </summary>
    private static string? ScramKeysFor(string password, string hash)
    {
        if (ScramCredentials.TryParse(hash, out var same))
        {
            return same.Format();
        }

        try
        {
            return ScramCredentials.Create(password).Format();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<UserRecord?> FindUserByAliasAsync(string address, CancellationToken cancellationToken)
    {
        var alias = await store.GetAliasAsync(address, cancellationToken);
        if (alias is null)
        {
            return null;
        }

        UserRecord? found = null;
        foreach (var target in alias.Targets)
        {
            var user = await store.GetUserAsync(target, cancellationToken);
            if (user is null)
            {
                continue;
            }

            if (found is not null && found.Id != user.Id)
            {
                // An alias that fans out to several people is a list, not a login name.
                return null;
            }

            found = user;
        }

        return found;
    }

    private (string Hash, string? Scram) MakeHash(string address, string? password, string? passwordHash)
    {
        if (password is not null && passwordHash is not null)
        {
            throw new DirectoryException("give either a password or a password hash, not both");
        }

        if (passwordHash is not null)
        {
            if (!PasswordHasher.IsValidStoredHash(passwordHash, out var error))
            {
                throw new DirectoryException($"--password-hash: {error}");
            }

            return (passwordHash, ScramCredentials.TryParse(passwordHash, out var keys) ? keys.Format() : null);
        }

        if (password is null)
        {
            throw new DirectoryException("a password is needed (--password, --password-stdin or --password-hash)");
        }

        CheckPasswordStrength(address, password);
        string hash;
        try
        {
            hash = PasswordHasher.Hash(password, options.PasswordScheme);
        }
        catch (ArgumentException e)
        {
            throw new DirectoryException($"the password cannot be used: {e.Message}");
        }

        return (hash, ScramKeysFor(password, hash));
    }

    private void CheckPasswordStrength(string address, string password)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new DirectoryException("the password is empty");
        }

        if (password.Length < options.MinPasswordLength)
        {
            throw new DirectoryException($"the password is too short: it needs at least {options.MinPasswordLength} characters");
        }

        var (local, _) = AddressNormalizer.Split(address);
        if (string.Equals(password, address, StringComparison.OrdinalIgnoreCase) || string.Equals(password, local, StringComparison.OrdinalIgnoreCase))
        {
            throw new DirectoryException("the password may not be the user's own address");
        }

        if (password.Distinct().Count() < 3)
        {
            throw new DirectoryException("the password is too weak: it repeats the same one or two characters");
        }
    }

    private static string NormalizeDomain(string name) =>
        AddressNormalizer.TryNormalizeDomain(name, out var domain, out var error) ? domain : throw new DirectoryException(error!);

    private static string NormalizeAddress(string address) =>
        AddressNormalizer.TryNormalizeAddress(address, out var normalized, out var error) ? normalized : throw new DirectoryException(error!);

    private static string NormalizeAliasSource(string source)
    {
        var s = source.Trim();
        return s.StartsWith('@') ? "@" + NormalizeDomain(s[1..]) : NormalizeAddress(s);
    }
}
