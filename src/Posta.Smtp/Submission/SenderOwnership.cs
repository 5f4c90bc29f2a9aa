using Posta.Directory;
using Posta.Directory.Addresses;

namespace Posta.Smtp.Submission;

/// <summary>
/// Decides whether an authenticated user may use an address as the envelope sender on submission
/// (DESIGN.md §4; Postfix's <c>reject_sender_login_mismatch</c>): its own address, that address
/// with a sub-address detail, or an alias whose expansion reaches the user. A domain's catch-all
/// does not count: it would make the user the owner of every address of the domain.
/// </summary>
internal sealed class SenderOwnership(AccountDirectory accounts, RecipientResolver resolver)
{
    /// <summary>True when <paramref name="account"/> owns <paramref name="sender"/>.</summary>
    public async Task<bool> IsOwnedAsync(string sender, string account, CancellationToken cancellationToken = default)
    {
        if (!AddressNormalizer.TryNormalizeAddress(sender, out var address, out _))
        {
            return false;
        }

        if (address == account)
        {
            return true;
        }

        var candidates = new List<string>(2) { address };
        var (local, domain) = AddressNormalizer.Split(address);
        var cut = local.IndexOfAny(accounts.Options.SubaddressDelimiters.ToCharArray());
        if (cut > 0)
        {
            var bare = local[..cut] + "@" + domain;
            if (bare == account)
            {
                return true;
            }

            candidates.Add(bare);
        }

        foreach (var candidate in candidates)
        {
            if (await accounts.Store.GetAliasAsync(candidate, cancellationToken) is null)
            {
                continue;
            }

            var resolution = await resolver.ResolveAsync(candidate, cancellationToken);
            if (resolution.LocalRecipients.Any(r => r.User.Address == account))
            {
                return true;
            }
        }

        return false;
    }
}
