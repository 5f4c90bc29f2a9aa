using Posta.Storage.Directory;

namespace Posta.Directory.Tests;

/// <summary>A real directory store whose writes of SCRAM keys fail, as a full disk or a locked database would make them.</summary>
internal sealed class ScramWriteFailingStore(IDirectoryStore inner) : IDirectoryStore
{
    public Task<bool> SetScramSha256Async(string address, string? scramSha256, CancellationToken cancellationToken = default) =>
        throw new IOException("disk full");

    public Task<bool> SetScramSha256Async(string address, string? scramSha256, string expectedPasswordHash, CancellationToken cancellationToken = default) =>
        throw new IOException("disk full");

    public Task<IReadOnlyList<DomainRecord>> ListDomainsAsync(CancellationToken cancellationToken = default) => inner.ListDomainsAsync(cancellationToken);

    public Task<DomainRecord?> GetDomainAsync(string name, CancellationToken cancellationToken = default) => inner.GetDomainAsync(name, cancellationToken);

    public Task<DomainRecord> AddDomainAsync(string name, CancellationToken cancellationToken = default) => inner.AddDomainAsync(name, cancellationToken);

    public Task<bool> RemoveDomainAsync(string name, bool cascade, CancellationToken cancellationToken = default) => inner.RemoveDomainAsync(name, cascade, cancellationToken);

    public Task<(int Users, int Aliases)> CountDomainEntriesAsync(string domain, CancellationToken cancellationToken = default) => inner.CountDomainEntriesAsync(domain, cancellationToken);

    public Task<UserRecord?> GetUserAsync(string address, CancellationToken cancellationToken = default) => inner.GetUserAsync(address, cancellationToken);

    public Task<UserRecord?> GetUserByIdAsync(long id, CancellationToken cancellationToken = default) => inner.GetUserByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(string? domain = null, CancellationToken cancellationToken = default) => inner.ListUsersAsync(domain, cancellationToken);

    public Task<UserRecord> AddUserAsync(NewUser user, CancellationToken cancellationToken = default) => inner.AddUserAsync(user, cancellationToken);

    public Task<bool> SetPasswordHashAsync(string address, string passwordHash, string? scramSha256 = null, CancellationToken cancellationToken = default) =>
        inner.SetPasswordHashAsync(address, passwordHash, scramSha256, cancellationToken);

    public Task<bool> UpdateUserAsync(string address, long? quotaBytes, bool disabled, CancellationToken cancellationToken = default) => inner.UpdateUserAsync(address, quotaBytes, disabled, cancellationToken);

    public Task<bool> RemoveUserAsync(string address, CancellationToken cancellationToken = default) => inner.RemoveUserAsync(address, cancellationToken);

    public Task<AliasRecord?> GetAliasAsync(string source, CancellationToken cancellationToken = default) => inner.GetAliasAsync(source, cancellationToken);

    public Task<IReadOnlyList<AliasRecord>> ListAliasesAsync(string? domain = null, CancellationToken cancellationToken = default) => inner.ListAliasesAsync(domain, cancellationToken);

    public Task<AliasRecord> AddAliasTargetsAsync(string source, IReadOnlyList<string> targets, CancellationToken cancellationToken = default) => inner.AddAliasTargetsAsync(source, targets, cancellationToken);

    public Task<bool> RemoveAliasAsync(string source, string? target, CancellationToken cancellationToken = default) => inner.RemoveAliasAsync(source, target, cancellationToken);
}
