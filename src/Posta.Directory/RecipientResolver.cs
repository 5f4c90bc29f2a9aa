using Posta.Directory.Addresses;
using Posta.Storage.Directory;

namespace Posta.Directory;

/// <summary>
/// Turns a recipient address into the local users and external addresses it reaches, in the order
/// Postfix's virtual alias lookups made administrators expect: the exact user or alias, then the
/// address without its sub-address detail (<c>user+tag@</c>), then the domain's catch-all
/// (<c>@domain</c>). Alias targets are resolved again, so aliases may point at aliases.
/// </summary>
public sealed class RecipientResolver(IDirectoryStore store, DirectoryOptions options)
{
    // Postfix's virtual_alias_recursion_limit defaults to 1000; ten levels is far beyond any real
    // setup and keeps a hostile table cheap.
    private const int MaxAliasDepth = 10;

    // Postfix's virtual_alias_expansion_limit defaults to 1000 addresses per expansion.
    private const int MaxExpandedAddresses = 1000;

    /// <summary>Resolves one recipient address.</summary>
    public async Task<RecipientResolution> ResolveAsync(string address, CancellationToken cancellationToken = default)
    {
        if (!AddressNormalizer.TryNormalizeAddress(address, out var normalized, out _))
        {
            return RecipientResolution.Of(RecipientStatus.Unknown);
        }

        var (_, domain) = AddressNormalizer.Split(normalized);
        if (await store.GetDomainAsync(domain, cancellationToken) is null)
        {
            return RecipientResolution.Of(RecipientStatus.NotLocal);
        }

        var expansion = new Expansion();
        var found = await ExpandAsync(expansion, normalized, detail: null, depth: 0, cancellationToken);
        if (expansion.Local.Count + expansion.External.Count > 0)
        {
            return new RecipientResolution(RecipientStatus.Resolved, [.. expansion.Local.Values], [.. expansion.External]);
        }

        return RecipientResolution.Of(found || expansion.LoopDetected ? RecipientStatus.AliasLoop : RecipientStatus.Unknown);
    }

    private async Task<bool> ExpandAsync(Expansion expansion, string address, string? detail, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxAliasDepth || expansion.Visited.Count >= MaxExpandedAddresses)
        {
            expansion.LoopDetected = true;
            return true;
        }

        if (!expansion.Visited.Add(address))
        {
            expansion.LoopDetected = true;
            return true;
        }

        var (local, domain) = AddressNormalizer.Split(address);
        if (depth > 0 && await store.GetDomainAsync(domain, cancellationToken) is null)
        {
            expansion.External.Add(address);
            return true;
        }

        if (await ExpandExactAsync(expansion, address, detail, depth, cancellationToken))
        {
            return true;
        }

        if (detail is null)
        {
            var cut = local.IndexOfAny(options.SubaddressDelimiters.ToCharArray());
            if (cut > 0)
            {
                var bare = local[..cut] + "@" + domain;
                if (expansion.Visited.Add(bare) && await ExpandExactAsync(expansion, bare, local[(cut + 1)..], depth, cancellationToken))
                {
                    return true;
                }
            }
        }

        var catchAll = await store.GetAliasAsync("@" + domain, cancellationToken);
        if (catchAll is null)
        {
            return false;
        }

        foreach (var target in catchAll.Targets)
        {
            var next = target.StartsWith('@') ? local + target : target;
            await ExpandAsync(expansion, next, detail, depth + 1, cancellationToken);
        }

        return true;
    }

    private async Task<bool> ExpandExactAsync(Expansion expansion, string address, string? detail, int depth, CancellationToken cancellationToken)
    {
        var user = await store.GetUserAsync(address, cancellationToken);
        if (user is not null)
        {
            expansion.Local.TryAdd(user.Id, new LocalRecipient(user, detail));
            return true;
        }

        var alias = await store.GetAliasAsync(address, cancellationToken);
        if (alias is null)
        {
            return false;
        }

        foreach (var target in alias.Targets)
        {
            await ExpandAsync(expansion, target, detail, depth + 1, cancellationToken);
        }

        return true;
    }

    private sealed class Expansion
    {
        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, LocalRecipient> Local { get; } = [];

        public List<string> External { get; } = [];

        public bool LoopDetected { get; set; }
    }
}
