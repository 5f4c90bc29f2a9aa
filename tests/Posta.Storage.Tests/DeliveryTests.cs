namespace Posta.Storage.Tests;

public class DeliveryTests
{
    [Fact]
    public async Task One_message_for_several_users_is_one_blob_and_one_commit()
    {
        await using var t = await TestStore.CreateAsync();
        var bob = await t.AddUserAsync("bob@example.org");
        var carol = await t.AddUserAsync("carol@example.org");
        var commitsBefore = t.Store.GetStatistics().Commits;

        var results = await t.Mail.DeliverAsync(
            new MemoryStream("Subject: all hands\r\n\r\nhi\r\n"u8.ToArray()),
            [new DeliveryTarget(t.UserId), new DeliveryTarget(bob, "Lists", MessageFlags.Flagged, ["$Important"], MissingMailboxBehavior.Create), new DeliveryTarget(carol)]);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(["INBOX", "Lists", "INBOX"], results.Select(r => r.Mailbox));
        Assert.Single(t.BlobFiles());
        Assert.Equal(commitsBefore + 1, t.Store.GetStatistics().Commits);
        var bobs = (await t.Mail.FetchAsync(results[1].MailboxId, [UidRange.All])).Single();
        Assert.Equal((MessageFlags.Flagged, results[1].Uid), (bobs.Flags, bobs.Uid));
        Assert.Equal(["$Important"], bobs.Keywords);
        Assert.Equal(3, await BlobTests.RefcountAsync(t, bobs.BlobHash));
    }

    [Fact]
    public async Task Each_target_succeeds_or_fails_on_its_own()
    {
        await using var t = await TestStore.CreateAsync();
        var full = await t.AddUserAsync("full@example.org", quotaBytes: 2);

        var results = await t.Mail.DeliverAsync(
            new MemoryStream("hello"u8.ToArray()),
            [
                new DeliveryTarget(t.UserId, "No such folder"),
                new DeliveryTarget(t.UserId, "No such folder", IfMissing: MissingMailboxBehavior.Fail),
                new DeliveryTarget(full),
                new DeliveryTarget(999),
                new DeliveryTarget(t.UserId, "Bad*Name", IfMissing: MissingMailboxBehavior.Create),
            ]);

        Assert.Equal(
            [DeliveryStatus.Delivered, DeliveryStatus.MailboxNotFound, DeliveryStatus.QuotaExceeded, DeliveryStatus.UserNotFound, DeliveryStatus.MailboxNotFound],
            results.Select(r => r.Status));
        Assert.Equal("INBOX", results[0].Mailbox);
        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "No such folder"));
        Assert.Equal(0, (await t.Mail.GetQuotaAsync(full)).MessageCount);
        Assert.Equal(1, await BlobTests.RefcountAsync(t, BlobHash.Parse(TestStore.Sha256Hex("hello"))));
    }

    [Fact]
    public async Task A_delivery_that_reaches_nobody_leaves_no_blob()
    {
        await using var t = await TestStore.CreateAsync();

        var results = await t.Mail.DeliverAsync(new MemoryStream("nobody"u8.ToArray()), [new DeliveryTarget(404)]);

        Assert.Equal(DeliveryStatus.UserNotFound, results.Single().Status);
        await BlobTests.WaitForAsync(() => t.BlobFiles().Count == 0);
    }
}
