using System.Text;
using Posta.Storage;
using Posta.Storage.Queue;

namespace Posta.Server.Tests;

/// <summary>What the server made of the mail it acknowledged, read straight from its store while it runs.</summary>
internal static class DeliveredMail
{
    /// <summary>The bytes of every message in the user's INBOX, by UID.</summary>
    public static async Task<IReadOnlyList<byte[]>> InboxAsync(string dataDirectory, string address)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dataDirectory });
        var user = await store.Directory.GetUserAsync(address) ?? throw new InvalidOperationException($"no user {address}");
        var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException($"{address} has no INBOX");
        var messages = new List<byte[]>();
        foreach (var record in await store.Mail.FetchAsync(inbox.Id, [UidRange.All]))
        {
            await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            messages.Add(copy.ToArray());
        }

        return messages;
    }

    /// <summary>The messages of the user's INBOX that contain <paramref name="marker"/>, as Latin-1 text (one char per octet, so byte-exact).</summary>
    public static async Task<IReadOnlyList<string>> InboxWithAsync(string dataDirectory, string address, string marker) =>
        [.. (await InboxAsync(dataDirectory, address)).Select(m => Encoding.Latin1.GetString(m)).Where(m => m.Contains(marker, StringComparison.Ordinal))];

    /// <summary>Every queued message with its recipients.</summary>
    public static async Task<IReadOnlyList<QueuedMessageInfo>> QueueAsync(string dataDirectory)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dataDirectory });
        return await store.Queue.ListAsync();
    }

    /// <summary>A queued message's content, as Latin-1 text.</summary>
    public static async Task<string> QueuedContentAsync(string dataDirectory, long messageId)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dataDirectory });
        await using var content = await store.Queue.OpenContentAsync(messageId);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return Encoding.Latin1.GetString(copy.ToArray());
    }
}
