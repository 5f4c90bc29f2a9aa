using System.Globalization;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// Seed 002's split: an MX-role posta (delivery.lmtp set) takes mail on port 25 and its queue hands
/// it over LMTP to a store-role posta, which puts it in the mailbox.
/// </summary>
public sealed class MxToStoreHandoffTests
{
    [Fact]
    public async Task Mail_accepted_by_the_MX_node_reaches_the_mailbox_on_the_store_node()
    {
        await using var store = await PostaServer.StartAsync(["lmtp"]);
        var lmtp = "127.0.0.1:" + store.Ports["lmtp"].ToString(CultureInfo.InvariantCulture);
        await using var mx = await PostaServer.StartAsync(["smtp"], environment: new Dictionary<string, string?> { ["POSTA_DELIVERY__LMTP"] = lmtp });
        foreach (var node in new[] { store, mx })
        {
            foreach (var command in new[] { new[] { "domain", "add", "example.org" }, ["user", "add", "alice@example.org", "--password-hash", "{PLAIN}x"] })
            {
                var run = await node.RunCliAsync(command);
                Assert.True(run.ExitCode == 0, run.ToString());
            }
        }

        var swaks = await ProcessRunner.RunAsync("swaks", [
            "--server", "127.0.0.1:" + mx.Ports["smtp"].ToString(CultureInfo.InvariantCulture),
            "--from", "carol@example.net", "--to", "alice@example.org",
            "--header", "Subject: through the MX node", "--body", "handed over by LMTP"]);
        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.Contains("250 2.0.0 Ok: queued as", swaks.Stdout, StringComparison.Ordinal);

        // The MX keeps no copy: the message is only in the queue until the store node took it.
        var text = await WaitForInboxAsync(store, "alice@example.org", mx);
        Assert.StartsWith("Return-Path: <carol@example.net>\r\nDelivered-To: alice@example.org\r\nReceived: from posta.test ([127.0.0.1])\r\n\tby posta.test (Posta) with LMTP id ", text, StringComparison.Ordinal);
        Assert.Contains("Received: from ", text[text.IndexOf("with LMTP", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("with ESMTP id ", text, StringComparison.Ordinal);
        Assert.Contains("Subject: through the MX node\r\n", text, StringComparison.Ordinal);
        Assert.Contains("handed over by LMTP", text, StringComparison.Ordinal);

        await mx.StopAsync();
        await using var mxStore = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = mx.DataDirectory });
        Assert.Empty(await mxStore.Queue.ListAsync());
        var user = await mxStore.Directory.GetUserAsync("alice@example.org") ?? throw new InvalidOperationException("no alice on the MX node");
        var inbox = await mxStore.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        Assert.Empty(await mxStore.Mail.FetchAsync(inbox.Id, [UidRange.All]));
    }

    private static async Task<string> WaitForInboxAsync(PostaServer node, string address, PostaServer mx)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using (var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = node.DataDirectory }))
            {
                var user = await store.Directory.GetUserAsync(address) ?? throw new InvalidOperationException("no " + address);
                var inbox = await store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
                var records = await store.Mail.FetchAsync(inbox.Id, [UidRange.All]);
                if (records.Count > 0)
                {
                    var record = Assert.Single(records);
                    await using var content = await store.Blobs.OpenReadAsync(record.BlobHash);
                    using var reader = new StreamReader(content);
                    return await reader.ReadToEndAsync();
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the store node never got the message\nMX log:\n" + mx.Log + "\nstore log:\n" + node.Log);
    }
}
