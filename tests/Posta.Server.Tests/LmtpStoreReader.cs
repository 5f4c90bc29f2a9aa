using System.Text;
using Posta.Storage;

namespace Posta.Server.Tests;

/// <summary>Reads what LMTP delivered, straight from the store.</summary>
internal static class LmtpStoreReader
{
    /// <summary>The text of every message in the user's INBOX, by UID.</summary>
    public static async Task<IReadOnlyList<string>> InboxAsync(IStore store, string address)
    {
        var user = await store.Directory.GetUserAsync(address) ?? throw new InvalidOperationException($"no user {address}");
        var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException($"{address} has no INBOX");
        var messages = new List<string>();
        foreach (var record in await store.Mail.FetchAsync(inbox.Id, [UidRange.All]))
        {
            await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
            using var reader = new StreamReader(content, Encoding.UTF8);
            messages.Add(await reader.ReadToEndAsync());
        }

        return messages;
    }
}
