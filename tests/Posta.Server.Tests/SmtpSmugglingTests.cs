using System.Text;

namespace Posta.Server.Tests;

/// <summary>
/// SMTP smuggling (CVE-2023-51766 and its kin): DATA content holding a malformed end-of-data
/// sequence followed by a whole second transaction. A server that took the malformed sequence for
/// the end of data would run the smuggled commands as if the client had sent them. Posta must
/// read on to the real CRLF "." CRLF, refuse the message, store neither, and stay in step.
/// </summary>
public sealed class SmtpSmugglingTests(SmtpServerFixture fixture) : IClassFixture<SmtpServerFixture>
{
    private const string BareLineFeed = "550 5.5.2 Error: bare <LF> received";
    private const string BareCarriageReturn = "550 5.5.2 Error: bare <CR> received";
    private const string Nul = "550 5.6.0 Error: message contains NUL characters";

    public static TheoryData<string, string> Variants => new()
    {
        { "\n.\n", BareLineFeed },
        { "\n.\r\n", BareLineFeed },
        { "\r\n.\n", BareLineFeed },
        { "\n\n.\n\n", BareLineFeed },
        { "\r.\r", BareCarriageReturn },
        { "\r.\r\n", BareCarriageReturn },
        { "\r\n.\r", BareCarriageReturn },
        { "\r\n.\r\r\n", BareCarriageReturn },
        { "\r\r\n.\r\r\n", BareCarriageReturn },
        { "\r\n\0.\r\n", Nul },
        { "\r\n.\0\r\n", Nul },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_malformed_end_of_data_does_not_end_DATA_and_nothing_is_stored(string variant, string expectedReply)
    {
        var outer = Marker();
        var smuggled = Marker();
        var (client, _) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            await client.ExpectAsync("MAIL FROM:<carol@example.net>", "250 2.1.0");
            await client.ExpectAsync("RCPT TO:<alice@example.org>", "250 2.1.5");
            await client.ExpectAsync("DATA", "354");
            await client.SendAsync(
                $"From: carol@example.net\r\nSubject: {outer}\r\n\r\nThe outer message."
                + variant
                + "MAIL FROM:<admin@example.org>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n"
                + $"From: admin@example.org\r\nSubject: {smuggled}\r\n\r\nThe smuggled message.\r\n"
                + ".\r\n");

            // One reply for the whole content: had the variant ended DATA, the smuggled commands
            // would have been answered first (250, 250, 250, 354).
            Assert.Equal(expectedReply, await client.ReadReplyAsync());
            Assert.Equal("250 2.0.0 Ok", await client.CommandAsync("NOOP"));

            // The session goes on in step: a clean message on the same connection is delivered,
            // which also shows the mailbox is read where the refused ones would have been.
            var control = Marker();
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.SendMessageAsync("<carol@example.net>", "<alice@example.org>", $"Subject: {control}\r\n\r\nClean.\r\n"), StringComparison.Ordinal);
            Assert.Single(await DeliveredMail.InboxWithAsync(fixture.Server.DataDirectory, "alice@example.org", control));
        }

        Assert.Empty(await DeliveredMail.InboxWithAsync(fixture.Server.DataDirectory, "alice@example.org", outer));
        Assert.Empty(await DeliveredMail.InboxWithAsync(fixture.Server.DataDirectory, "alice@example.org", smuggled));
    }

    [Theory]
    [InlineData("\n", BareLineFeed)]
    [InlineData("\r", BareCarriageReturn)]
    [InlineData("\0", Nul)]
    public async Task BDAT_content_follows_the_same_rules(string defect, string expectedReply)
    {
        var marker = Marker();
        var content = Encoding.UTF8.GetBytes($"Subject: {marker}\r\n\r\nbroken{defect}.{defect}line\r\n");
        var (client, _) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            await client.ExpectAsync("MAIL FROM:<carol@example.net>", "250 2.1.0");
            await client.ExpectAsync("RCPT TO:<alice@example.org>", "250 2.1.5");
            await client.SendAsync($"BDAT {content.Length} LAST\r\n");
            await client.SendAsync(content);

            Assert.Equal(expectedReply, await client.ReadReplyAsync());
            Assert.Equal("250 2.0.0 Ok", await client.CommandAsync("NOOP"));
        }

        Assert.Empty(await DeliveredMail.InboxWithAsync(fixture.Server.DataDirectory, "alice@example.org", marker));
    }

    private static string Marker() => "s-" + Guid.NewGuid().ToString("N")[..16];
}
