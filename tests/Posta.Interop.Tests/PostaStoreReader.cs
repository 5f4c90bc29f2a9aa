using System.Text;
using Posta.Storage;
using Posta.Storage.Queue;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// Reads what a running posta stored, straight from its store (concurrent access is supported):
/// the octets of INBOX messages, and the queue.
/// </summary>
internal static class PostaStoreReader
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Every message in the user's INBOX, as stored, by UID.</summary>
    public static async Task<IReadOnlyList<byte[]>> InboxAsync(PostaServer posta, string address)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = posta.DataDirectory });
        var user = await store.Directory.GetUserAsync(address) ?? throw new InvalidOperationException($"no user {address}");
        var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException($"{address} has no INBOX");
        var messages = new List<byte[]>();
        foreach (var record in await store.Mail.FetchAsync(inbox.Id, [UidRange.All]))
        {
            await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            messages.Add(bytes.ToArray());
        }

        return messages;
    }

    /// <summary>
    /// The one INBOX message of <paramref name="address"/> that contains <paramref name="marker"/>
    /// (a Message-ID, a subject), once it is there.
    /// </summary>
    public static async Task<byte[]> WaitForMessageAsync(PostaServer posta, string address, byte[] marker, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = (await InboxAsync(posta, address)).Where(m => m.AsSpan().IndexOf(marker) >= 0).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nothing with the marker reached {address}.\n{diagnostics()}\nPosta log:\n{posta.Log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every queued message with its recipients.</summary>
    public static async Task<IReadOnlyList<QueuedMessageInfo>> QueueAsync(PostaServer posta)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = posta.DataDirectory });
        return await store.Queue.ListAsync();
    }

    /// <summary>The content of a queued message, as it will travel on.</summary>
    public static async Task<string> QueuedContentAsync(PostaServer posta, long messageId)
    {
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = posta.DataDirectory });
        await using var content = await store.Queue.OpenContentAsync(messageId);
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
