using System.Text;
using Posta.Storage;

namespace Posta.Smtp.Tests;

/// <summary>The LMTP session against a real store, over an in-memory connection.</summary>
public sealed class LmtpSessionTests
{
    private const string Message =
        "From: Carol <carol@example.net>\r\n" +
        "To: alice@example.org, bob@example.org\r\n" +
        "Subject: LMTP test\r\n" +
        "\r\n" +
        "Hello.\r\n" +
        ".A line that started with a dot.\r\n" +
        "Bye.\r\n";

    // What the client sends: the line starting with "." is dot-stuffed (RFC 5321 §4.5.2).
    private static readonly string StuffedMessage = Message.Replace("\r\n.A", "\r\n..A", StringComparison.Ordinal);

    [Fact]
    public async Task Greeting_and_LHLO_advertise_only_what_is_implemented()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();

        Assert.Equal("220 mx.example.org LMTP Posta ready", await client.ReadReplyAsync());
        var lhlo = (await client.CommandAsync("LHLO mta.example.net")).Split('\n');

        Assert.Equal("250-mx.example.org", lhlo[0]);
        var keywords = lhlo.Skip(1).Select(l => l[4..]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            new HashSet<string>(["PIPELINING", "SIZE 52428800", "ENHANCEDSTATUSCODES", "8BITMIME", "SMTPUTF8"], StringComparer.Ordinal),
            keywords);
    }

    [Theory]
    [InlineData("EHLO mta.example.net")]
    [InlineData("HELO mta.example.net")]
    public async Task EHLO_and_HELO_are_not_LMTP_commands(string command)
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.ReadReplyAsync();

        Assert.StartsWith("500 5.5.2 ", await client.CommandAsync(command), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1 ", await client.CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250-", await client.CommandAsync("LHLO mta.example.net"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_to_two_users_gets_one_reply_each_and_lands_in_both_inboxes_byte_exact()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        Assert.StartsWith("250 2.1.0 ", await client.CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<bob@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("354 ", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        await client.SendAsync(StuffedMessage + ".\r\n");

        var first = await client.ReadReplyAsync();
        var second = await client.ReadReplyAsync();
        Assert.StartsWith("250 2.0.0 <alice@example.org>", first, StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 <bob@example.org>", second, StringComparison.Ordinal);

        var alice = Assert.Single(await harness.InboxAsync("alice@example.org"));
        var bob = Assert.Single(await harness.InboxAsync("bob@example.org"));
        Assert.Equal(alice, bob);
        var text = Encoding.UTF8.GetString(alice);
        Assert.EndsWith(Message, text, StringComparison.Ordinal);
        var trace = text[..^Message.Length];
        Assert.StartsWith("Return-Path: <carol@example.net>\r\nReceived: from mta.example.net ([192.0.2.7])\r\n\tby mx.example.org (Posta) with LMTP id ", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("\tfor <", trace, StringComparison.Ordinal);
        Assert.Matches(@";\r\n\t\w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\r\n$", trace);

        // One copy of the bytes for both users.
        var aliceRecord = Assert.Single(await harness.InboxRecordsAsync("alice@example.org"));
        var bobRecord = Assert.Single(await harness.InboxRecordsAsync("bob@example.org"));
        Assert.Equal(aliceRecord.BlobHash, bobRecord.BlobHash);

        Assert.StartsWith("221 2.0.0 ", await client.CommandAsync("QUIT"), StringComparison.Ordinal);
        await client.Session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(harness.SpoolFiles());
    }

    [Fact]
    public async Task A_single_recipient_is_named_in_the_Received_field()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<>");
        await client.CommandAsync("RCPT TO:<alice+lists@example.org>");
        await client.CommandAsync("DATA");
        await client.SendAsync(StuffedMessage + ".\r\n");
        Assert.StartsWith("250 2.0.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);

        var text = Encoding.UTF8.GetString(Assert.Single(await harness.InboxAsync("alice@example.org")));
        Assert.StartsWith("Return-Path: <>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\tfor <alice+lists@example.org>;\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_users_and_domains_are_refused_at_RCPT_and_DATA_then_needs_a_recipient()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        Assert.StartsWith("550 5.1.1 <nobody@example.org>", await client.CommandAsync("RCPT TO:<nobody@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("550 5.1.1 <alice@elsewhere.test>", await client.CommandAsync("RCPT TO:<alice@elsewhere.test>"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1 ", await client.CommandAsync("DATA"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_looping_and_forwarding_addresses_are_refused_with_their_own_codes()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await harness.Accounts.AddUserAsync("dave@example.org", null, "{PLAIN}dave password");
        await harness.Accounts.UpdateUserAsync("dave@example.org", null, disabled: true);
        await harness.Store.Directory.AddAliasTargetsAsync("loop1@example.org", ["loop2@example.org"]);
        await harness.Store.Directory.AddAliasTargetsAsync("loop2@example.org", ["loop1@example.org"]);
        await harness.Store.Directory.AddAliasTargetsAsync("team@example.org", ["alice@example.org", "carol@elsewhere.test"]);
        await harness.Store.Directory.AddAliasTargetsAsync("staff@example.org", ["alice@example.org", "bob@example.org"]);
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        Assert.StartsWith("550 5.2.1 ", await client.CommandAsync("RCPT TO:<dave@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("550 5.4.6 ", await client.CommandAsync("RCPT TO:<loop1@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("451 4.3.0 ", await client.CommandAsync("RCPT TO:<team@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<staff@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);
        await client.CommandAsync("DATA");
        await client.SendAsync(StuffedMessage + ".\r\n");
        Assert.StartsWith("250 2.0.0 <staff@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 <alice@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);

        // Alice is reached twice (directly and through staff) but gets one copy.
        Assert.Single(await harness.InboxAsync("alice@example.org"));
        Assert.Single(await harness.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task A_user_over_quota_is_refused_at_RCPT_and_one_without_room_for_this_message_after_DATA()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await harness.Accounts.AddUserAsync("full@example.org", null, "{PLAIN}full password", quotaBytes: 100);
        await harness.Accounts.AddUserAsync("small@example.org", null, "{PLAIN}small password", quotaBytes: 300);
        var full = await harness.Accounts.GetUserAsync("full@example.org");
        await harness.Store.Mail.DeliverAsync(new MemoryStream(new byte[100]), [new DeliveryTarget(full.Id)]);
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        Assert.StartsWith("552 5.2.2 <full@example.org>", await client.CommandAsync("RCPT TO:<full@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<small@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<bob@example.org>"), StringComparison.Ordinal);
        await client.CommandAsync("DATA");
        await client.SendAsync(StuffedMessage + new string('x', 400) + "\r\n.\r\n");

        Assert.StartsWith("552 5.2.2 <small@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 <bob@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(await harness.InboxAsync("small@example.org"));
        Assert.Single(await harness.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task A_command_line_over_the_limit_is_refused_and_the_session_resynchronises()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        Assert.StartsWith("500 5.5.2 ", await client.CommandAsync("NOOP " + new string('x', 2000)), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 ", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Subject: a\r\n\r\nbody\n.\nMAIL FROM:<evil@example.net>\r\n")]
    [InlineData("Subject: a\r\n\r\nbody\n.\r\nMAIL FROM:<evil@example.net>\r\n")]
    [InlineData("Subject: a\r\n\r\nbody\r\n.\nMAIL FROM:<evil@example.net>\r\n")]
    [InlineData("Subject: a\r\n\r\nbody\r.\r\nMAIL FROM:<evil@example.net>\r\n")]
    [InlineData("Subject: a\r\n\r\nbody\r\n.\rMAIL FROM:<evil@example.net>\r\n")]
    [InlineData("Subject: a\r\n\r\nbare LF in a header\nX: y\r\n")]
    [InlineData("Subject: a\r\n\r\nNUL \0 here\r\n")]
    public async Task Smuggling_and_bare_line_ends_are_refused_for_every_recipient_and_nothing_is_stored(string content)
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        await client.CommandAsync("RCPT TO:<alice@example.org>");
        await client.CommandAsync("RCPT TO:<bob@example.org>");
        Assert.StartsWith("354 ", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        await client.SendAsync(content + ".\r\n");

        Assert.Matches(@"^550 5\.\d\.\d ", await client.ReadReplyAsync());
        Assert.Matches(@"^550 5\.\d\.\d ", await client.ReadReplyAsync());

        // The session is in sync: the smuggled MAIL was content, not a command.
        Assert.StartsWith("250 2.0.0 ", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0 ", await client.CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        Assert.Empty(await harness.InboxAsync("alice@example.org"));
        Assert.Empty(await harness.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task Bare_line_feeds_are_refused_with_550_5_5_2()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.StartDataAsync("alice@example.org");
        await client.SendAsync("Subject: a\r\n\r\nbody\n.\nRCPT TO:<bob@example.org>\r\n.\r\n");

        Assert.StartsWith("550 5.5.2 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(await harness.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task Pipelined_commands_in_one_write_get_their_replies_in_order()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        Assert.StartsWith("220 ", await client.ReadReplyAsync(), StringComparison.Ordinal);

        await client.SendAsync(
            "LHLO mta.example.net\r\nMAIL FROM:<carol@example.net>\r\nRCPT TO:<alice@example.org>\r\n" +
            "RCPT TO:<nobody@example.org>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
        Assert.StartsWith("250-mx.example.org", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("550 5.1.1 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("354 ", await client.ReadReplyAsync(), StringComparison.Ordinal);

        // The content, the end of data and the next transaction in one write.
        await client.SendAsync(StuffedMessage + ".\r\nMAIL FROM:<dan@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
        Assert.StartsWith("250 2.0.0 <alice@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 <bob@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("354 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        await client.SendAsync(StuffedMessage + ".\r\nQUIT\r\n");
        Assert.StartsWith("250 2.0.0 <bob@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("221 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());

        Assert.Single(await harness.InboxAsync("alice@example.org"));
        Assert.Equal(2, (await harness.InboxAsync("bob@example.org")).Count);
    }

    [Fact]
    public async Task Content_split_into_single_bytes_is_stored_the_same()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();
        await client.StartDataAsync("alice@example.org");

        foreach (var b in Encoding.UTF8.GetBytes(StuffedMessage + ".\r\n"))
        {
            await client.SendAsync([b]);
        }

        Assert.StartsWith("250 2.0.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.EndsWith(Message, Encoding.UTF8.GetString(Assert.Single(await harness.InboxAsync("alice@example.org"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_limit_is_enforced_at_MAIL_and_while_streaming()
    {
        await using var harness = await LmtpHarness.StartAsync(maxMessageSize: 64 * 1024);
        await using var client = harness.Connect();
        await client.GreetAsync();

        Assert.StartsWith("552 5.3.4 ", await client.CommandAsync("MAIL FROM:<carol@example.net> SIZE=70000"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0 ", await client.CommandAsync("MAIL FROM:<carol@example.net>"), StringComparison.Ordinal);
        await client.CommandAsync("RCPT TO:<alice@example.org>");
        await client.CommandAsync("RCPT TO:<bob@example.org>");
        await client.CommandAsync("DATA");
        var line = new string('a', 998) + "\r\n";
        for (var i = 0; i < 70; i++)
        {
            await client.SendAsync(line);
        }

        await client.SendAsync(".\r\n");
        Assert.StartsWith("552 5.3.4 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("552 5.3.4 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(await harness.InboxAsync("alice@example.org"));
        Assert.Empty(await harness.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task RSET_ends_the_transaction()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        await client.CommandAsync("RCPT TO:<alice@example.org>");
        Assert.StartsWith("250 2.0.0 ", await client.CommandAsync("RSET"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1 ", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1 ", await client.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);

        await client.StartDataAsync("bob@example.org");
        await client.SendAsync(StuffedMessage + ".\r\n");
        Assert.StartsWith("250 2.0.0 <bob@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(await harness.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task Too_many_recipients_get_452_and_duplicates_get_one_copy()
    {
        await using var harness = await LmtpHarness.StartAsync(maxRecipients: 100);
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.CommandAsync("MAIL FROM:<carol@example.net>");
        for (var i = 0; i < 100; i++)
        {
            Assert.StartsWith("250 2.1.5 ", await client.CommandAsync("RCPT TO:<alice@example.org>"), StringComparison.Ordinal);
        }

        Assert.StartsWith("452 4.5.3 ", await client.CommandAsync("RCPT TO:<bob@example.org>"), StringComparison.Ordinal);
        await client.CommandAsync("DATA");
        await client.SendAsync(StuffedMessage + ".\r\n");
        for (var i = 0; i < 100; i++)
        {
            Assert.StartsWith("250 2.0.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await harness.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task VRFY_NOOP_and_unsupported_commands_are_answered_and_the_session_goes_on()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        Assert.StartsWith("252 2.0.0 ", await client.CommandAsync("VRFY alice"), StringComparison.Ordinal);
        Assert.StartsWith("502 5.5.1 ", await client.CommandAsync("STARTTLS"), StringComparison.Ordinal);
        Assert.StartsWith("502 5.5.1 ", await client.CommandAsync("AUTH PLAIN"), StringComparison.Ordinal);
        Assert.StartsWith("500 5.5.2 ", await client.CommandAsync("FROB"), StringComparison.Ordinal);
        Assert.StartsWith("555 5.5.4 ", await client.CommandAsync("MAIL FROM:<carol@example.net> RET=FULL"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0 ", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_protocol_is_answered_and_closed()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.ReadReplyAsync();

        Assert.StartsWith("500 5.5.2 ", await client.CommandAsync("\u0016\u0003\u0001 hello"), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());
    }

    [Fact]
    public async Task Too_many_errors_close_the_connection()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.ReadReplyAsync();

        for (var i = 1; i < 20; i++)
        {
            Assert.StartsWith("500 ", await client.CommandAsync("FROB"), StringComparison.Ordinal);
        }

        await client.SendAsync("FROB\r\n");
        Assert.StartsWith("500 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("421 4.7.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());
    }

    [Fact]
    public async Task An_idle_timeout_is_answered_with_421_4_4_2()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        client.ExpireIdleTimeout();
        Assert.StartsWith("421 4.4.2 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());
    }

    [Fact]
    public async Task Shutdown_lets_a_message_in_progress_finish_then_says_goodbye()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();
        await client.StartDataAsync("alice@example.org");
        await client.SendAsync(StuffedMessage);

        await client.RequestShutdownAsync();
        await client.SendAsync("more\r\n.\r\n");

        Assert.StartsWith("250 2.0.0 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("421 4.3.2 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());
        Assert.EndsWith(Message + "more\r\n", Encoding.UTF8.GetString(Assert.Single(await harness.InboxAsync("alice@example.org"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_session_closes_on_shutdown()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();

        await client.RequestShutdownAsync();
        Assert.StartsWith("421 4.3.2 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Null(await client.ReadLineAsync());
    }

    [Fact]
    public async Task A_client_that_disconnects_during_DATA_leaves_nothing_behind()
    {
        await using var harness = await LmtpHarness.StartAsync();
        await using var client = harness.Connect();
        await client.GreetAsync();
        await client.StartDataAsync("alice@example.org");
        await client.SendAsync(StuffedMessage);

        await client.CloseAsync();
        await client.Session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await harness.InboxAsync("alice@example.org"));
        Assert.Empty(harness.SpoolFiles());
    }
}
