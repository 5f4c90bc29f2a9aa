using System.Text;
using System.Text.RegularExpressions;
using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>
/// The real <c>posta serve</c> on its MX, submission and submissions listeners, driven by Debian's
/// swaks (and a raw socket where swaks cannot say it: BDAT, SIZE=, SMTPUTF8): the replies a user
/// sees and what ends up in the mailbox or the queue.
/// </summary>
public sealed class SmtpSwaksTests(SmtpServerFixture fixture) : IClassFixture<SmtpServerFixture>
{
    private string Data => fixture.Server.DataDirectory;

    [Fact]
    public async Task A_message_to_a_local_user_is_stored_with_trace_fields_and_the_body_byte_exact()
    {
        var marker = Marker();
        // No final line break: swaks adds CRLF "." CRLF, so the stored content is this plus CRLF.
        // The leading dot is stuffed by swaks and must come back unstuffed.
        var data = $"From: carol@example.net\r\nTo: alice@example.org\r\nSubject: {marker}\r\n\r\nFirst line\r\n.a line starting with a dot\r\n\r\n  indented, trailing space \r\nlast line";
        using var files = new TempDirectory("posta-swaks");

        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", "alice@example.org", "--data", "@" + WriteFile(files, "message.eml", data));

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        var id = swaks.QueueId;
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        var expected = new Regex(
            "^Return-Path: <carol@example\\.net>\r\nDelivered-To: alice@example\\.org\r\n"
            + "Received: from swaks\\.test \\(\\[127\\.0\\.0\\.1\\]\\)\r\n\tby posta\\.test \\(Posta\\) with ESMTP id " + id + "\r\n"
            + "\tfor <alice@example\\.org>;\r\n\t[A-Z][a-z]{2}, [ 0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [+-][0-9]{4}\r\n"
            + Regex.Escape(data + "\r\n") + "$",
            RegexOptions.None,
            TimeSpan.FromSeconds(5));
        Assert.Matches(expected, stored);
    }

    [Fact]
    public async Task An_unknown_local_user_is_refused_with_550_5_1_1()
    {
        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", "nobody@example.org");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.StartsWith("550 5.1.1 <nobody@example.org>", swaks.Reply("550"), StringComparison.Ordinal);
        Assert.DoesNotContain(swaks.Replies, r => r.StartsWith("354", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_MX_refuses_to_relay_with_554_5_7_1_and_queues_nothing()
    {
        var sender = Marker() + "@example.net";
        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", sender, "--to", "dave@remote.example");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.Equal("554 5.7.1 <dave@remote.example>: Relay access denied", swaks.Reply("554"));
        Assert.DoesNotContain(await DeliveredMail.QueueAsync(Data), m => m.Envelope.Sender == sender);
    }

    [Theory]
    [InlineData("sales@example.org", "alice@example.org")]
    [InlineData("alice+newsletters@example.org", "alice@example.org")]
    [InlineData("ALICE@EXAMPLE.ORG", "alice@example.org")]
    [InlineData("anyone@example.com", "bob@example.org")]
    public async Task Aliases_subaddresses_and_catch_alls_reach_the_user(string recipient, string user)
    {
        var marker = Marker();
        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", recipient, "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.StartsWith("250 2.1.5", swaks.Reply("250 2.1.5"), StringComparison.Ordinal);
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, user, marker));
        Assert.StartsWith($"Return-Path: <carol@example.net>\r\nDelivered-To: {user}\r\n", stored, StringComparison.Ordinal);
        Assert.Contains($"\tfor <{recipient}>;", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_with_a_target_on_another_server_delivers_locally_and_queues_the_rest()
    {
        var marker = Marker();
        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", "team@example.org", "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.Single(await DeliveredMail.InboxWithAsync(Data, "bob@example.org", marker));
        var queued = Assert.Single(await DeliveredMail.QueueAsync(Data), m => m.Envelope.QueueId == swaks.QueueId);
        Assert.Equal("carol@example.net", queued.Envelope.Sender);
        var recipient = Assert.Single(queued.Recipients);
        Assert.Equal("dave@remote.example", recipient.Address);
        Assert.Equal("rfc822;team@example.org", recipient.OriginalRecipient);
    }

    [Fact]
    public async Task Before_TLS_a_remote_client_is_not_offered_AUTH_and_AUTH_is_refused_with_538()
    {
        var swaks = await Swaks.RunAsync(fixture.Submission, "--local-interface", SmtpServerFixture.RemoteAddress, "--from", "alice@example.org", "--to", "bob@example.org", "--auth", "PLAIN", "--auth-user", "alice@example.org", "--auth-password", SmtpServerFixture.AlicePassword);

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.True(swaks.Contains("Host did not advertise authentication"), swaks.ToString());
        Assert.DoesNotContain(swaks.Replies, r => r.Contains("AUTH", StringComparison.Ordinal));

        // swaks does not send AUTH that was not offered: a client that does anyway.
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Submission, SmtpServerFixture.RemoteAddress);
        await using (client)
        {
            Assert.Contains("250-STARTTLS", ehlo, StringComparison.Ordinal);
            Assert.DoesNotContain("AUTH", ehlo, StringComparison.Ordinal);
            var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice@example.org\0" + SmtpServerFixture.AlicePassword));
            Assert.StartsWith("538 5.7.11 ", await client.CommandAsync("AUTH PLAIN " + plain), StringComparison.Ordinal);
            Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", await client.CommandAsync("MAIL FROM:<alice@example.org>"));
        }
    }

    [Theory]
    [InlineData("submission", "PLAIN")]
    [InlineData("submission", "LOGIN")]
    [InlineData("submissions", "PLAIN")]
    [InlineData("submissions", "LOGIN")]
    public async Task A_remote_user_authenticates_over_TLS_and_Received_names_ESMTPSA_and_TLSv1_3(string listener, string mechanism)
    {
        var marker = Marker();
        var tls = listener == "submission" ? "--tls" : "--tls-on-connect";
        var swaks = await Swaks.RunAsync(
            fixture.Server.Ports[listener],
            tls,
            "--local-interface",
            SmtpServerFixture.RemoteAddress,
            "--auth",
            mechanism,
            "--auth-user",
            "alice@example.org",
            "--auth-password",
            SmtpServerFixture.AlicePassword,
            "--from",
            "alice@example.org",
            "--to",
            "bob@example.org",
            "--header",
            "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.Equal("235 2.7.0 Authentication successful", swaks.Reply("235"));
        // Only the encrypted EHLO offered AUTH: swaks marks lines read over TLS with "<~".
        Assert.False(swaks.Contains("<-  250-AUTH"), swaks.ToString());
        Assert.True(swaks.Contains("<~  250-AUTH SCRAM-SHA-256 PLAIN LOGIN"), swaks.ToString());
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "bob@example.org", marker));
        Assert.Contains($"Received: from swaks.test ([{SmtpServerFixture.RemoteAddress}])\r\n\t(using TLSv1.3 with cipher TLS_", stored, StringComparison.Ordinal);
        Assert.Contains($"\tby posta.test (Posta) with ESMTPSA id {swaks.QueueId}\r\n", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_535_5_7_8()
    {
        var swaks = await Swaks.RunAsync(fixture.Submission, "--tls", "--auth", "PLAIN", "--auth-user", "alice@example.org", "--auth-password", "not the password", "--from", "alice@example.org", "--to", "bob@example.org");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.Equal("535 5.7.8 Error: authentication failed", swaks.Reply("535"));
        Assert.DoesNotContain(swaks.Replies, r => r.StartsWith("235", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("carol@example.net")]
    [InlineData("bob@example.org")]
    [InlineData("anyone@example.com")]
    public async Task A_sender_address_the_user_does_not_own_is_refused_with_553_5_7_1(string sender)
    {
        var swaks = await SubmitAsAliceAsync(sender, "bob@example.org");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.Equal($"553 5.7.1 <{sender}>: Sender address rejected: not owned by user alice@example.org", swaks.Reply("553"));
    }

    [Theory]
    [InlineData("alice@example.org")]
    [InlineData("alice+lists@example.org")]
    [InlineData("sales@example.org")]
    public async Task The_users_own_address_its_subaddress_and_its_alias_are_allowed_as_sender(string sender)
    {
        var marker = Marker();
        var swaks = await SubmitAsAliceAsync(sender, "bob@example.org", "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "bob@example.org", marker));
        Assert.StartsWith($"Return-Path: <{sender}>\r\n", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MAIL_before_AUTH_on_submission_is_refused_with_530_5_7_0()
    {
        var swaks = await Swaks.RunAsync(fixture.Submission, "--tls", "--from", "alice@example.org", "--to", "bob@example.org");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.Equal("530 5.7.0 Authentication required", swaks.Reply("530"));
    }

    [Fact]
    public async Task A_declared_SIZE_over_the_limit_is_refused_at_MAIL_with_552_5_3_4()
    {
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.Contains($"250-SIZE {SmtpServerFixture.MaxMessageSize}", ehlo, StringComparison.Ordinal);
            Assert.StartsWith("552 5.3.4 ", await client.CommandAsync($"MAIL FROM:<carol@example.net> SIZE={SmtpServerFixture.MaxMessageSize + 1}"), StringComparison.Ordinal);
            Assert.StartsWith("250 2.1.0", await client.CommandAsync($"MAIL FROM:<carol@example.net> SIZE={SmtpServerFixture.MaxMessageSize}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Content_over_the_limit_is_refused_after_DATA_with_552_5_3_4_and_not_stored()
    {
        var marker = Marker();
        var line = new string('x', 76) + "\r\n";
        var body = string.Concat(Enumerable.Repeat(line, (SmtpServerFixture.MaxMessageSize / line.Length) + 10));
        using var files = new TempDirectory("posta-swaks");

        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", "alice@example.org", "--data", "@" + WriteFile(files, "big.eml", $"Subject: {marker}\r\n\r\n{body}end"));

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.StartsWith("552 5.3.4 ", swaks.Reply("552"), StringComparison.Ordinal);
        Assert.Empty(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
    }

    [Fact]
    public async Task BDAT_in_two_chunks_is_stored_byte_exact()
    {
        var marker = Marker();
        var first = $"From: carol@example.net\r\nSubj";
        var second = $"ect: {marker}\r\n\r\nA body in chunks.\r\n.not stuffed in BDAT\r\n";
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.Contains("\n250 CHUNKING", ehlo, StringComparison.Ordinal);
            await client.ExpectAsync("MAIL FROM:<carol@example.net>", "250 2.1.0");
            await client.ExpectAsync("RCPT TO:<alice@example.org>", "250 2.1.5");
            await client.SendAsync($"BDAT {first.Length}\r\n{first}");
            Assert.Equal($"250 2.0.0 Ok: {first.Length} octets received", await client.ReadReplyAsync());
            await client.SendAsync($"BDAT {second.Length} LAST\r\n{second}");
            var reply = await client.ReadReplyAsync();
            Assert.StartsWith("250 2.0.0 Ok: queued as ", reply, StringComparison.Ordinal);

            var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
            Assert.Contains($"\tby posta.test (Posta) with ESMTP id {reply["250 2.0.0 Ok: queued as ".Length..]}\r\n", stored, StringComparison.Ordinal);
            Assert.EndsWith("\r\n" + first + second, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pipelined_MAIL_RCPT_and_BDAT_LAST_get_their_replies_in_order()
    {
        var marker = Marker();
        var content = $"Subject: {marker}\r\n\r\nPipelined and chunked.\r\n";
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.Contains("250-PIPELINING", ehlo, StringComparison.Ordinal);
            await client.SendAsync($"MAIL FROM:<carol@example.net>\r\nRCPT TO:<nobody@example.org>\r\nRCPT TO:<alice@example.org>\r\nBDAT {content.Length} LAST\r\n{content}NOOP\r\n");

            Assert.StartsWith("250 2.1.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
            Assert.StartsWith("550 5.1.1 <nobody@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
            Assert.StartsWith("250 2.1.5 <alice@example.org>", await client.ReadReplyAsync(), StringComparison.Ordinal);
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.ReadReplyAsync(), StringComparison.Ordinal);
            Assert.Equal("250 2.0.0 Ok", await client.ReadReplyAsync());
        }

        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        Assert.EndsWith("\r\n" + content, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swaks_pipelines_MAIL_RCPT_and_DATA_and_the_accepted_recipient_gets_the_message()
    {
        var marker = Marker();
        var swaks = await Swaks.RunAsync(fixture.Mx, "--pipeline", "--from", "carol@example.net", "--to", "alice@example.org,nobody@example.org", "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        // Pipelined: every command of the batch went out before the first of their replies came.
        var transcript = swaks.ToString();
        Assert.True(transcript.IndexOf(" -> DATA", StringComparison.Ordinal) < transcript.IndexOf("<-  250 2.1.0", StringComparison.Ordinal), transcript);
        Assert.StartsWith("550 5.1.1 <nobody@example.org>", swaks.Reply("550"), StringComparison.Ordinal);
        Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
    }

    [Fact]
    public async Task An_8bit_body_from_swaks_is_stored_byte_exact()
    {
        var marker = Marker();
        // Latin-1 "Köln" (one octet, not UTF-8) and UTF-8 "Grüße": both are octets to pass through.
        var data = Encoding.Latin1.GetBytes($"Subject: {marker}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nK\u00f6ln\r\n")
            .Concat(Encoding.UTF8.GetBytes("Grüße, ½ €\r\nend"))
            .ToArray();
        using var files = new TempDirectory("posta-swaks");
        var path = files.Combine("8bit.eml");
        await File.WriteAllBytesAsync(path, data);

        var swaks = await Swaks.RunAsync(fixture.Mx, "--from", "carol@example.net", "--to", "alice@example.org", "--data", "@" + path);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        Assert.EndsWith("\r\n" + Encoding.Latin1.GetString(data) + "\r\n", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_8bit_body_declared_with_BODY_8BITMIME_is_stored_byte_exact()
    {
        var marker = Marker();
        var content = $"Subject: {marker}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGrüße aus Köln, 東京\r\n";
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.Contains("250-8BITMIME", ehlo, StringComparison.Ordinal);
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.SendMessageAsync("<carol@example.net> BODY=8BITMIME", "<alice@example.org>", content), StringComparison.Ordinal);
        }

        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        Assert.EndsWith("\r\n" + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(content)), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SMTPUTF8_delivers_to_a_UTF8_alias_and_keeps_the_UTF8_content()
    {
        var marker = Marker();
        var content = $"From: Jürgen <jürgen@example.org>\r\nTo: jürgen@example.org\r\nSubject: {marker} Grüße\r\n\r\nHallo Jürgen.\r\n";
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.Contains("250-SMTPUTF8", ehlo, StringComparison.Ordinal);
            Assert.StartsWith("550 5.6.7 ", await client.CommandAsync("MAIL FROM:<jürgen@example.net>"), StringComparison.Ordinal);
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.SendMessageAsync("<jürgen@example.net> SMTPUTF8 BODY=8BITMIME", "<jürgen@example.org>", content), StringComparison.Ordinal);
        }

        var stored = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker))));
        Assert.StartsWith("Return-Path: <jürgen@example.net>\r\nDelivered-To: alice@example.org\r\n", stored, StringComparison.Ordinal);
        Assert.Contains(" with UTF8SMTP id ", stored, StringComparison.Ordinal);
        Assert.Contains("\tfor <jürgen@example.org>;", stored, StringComparison.Ordinal);
        Assert.EndsWith("\r\n" + content, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_recipient_from_submission_waits_in_the_queue_with_its_envelope()
    {
        var marker = Marker();
        var swaks = await SubmitAsAliceAsync("alice@example.org", "dave@remote.example", "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        var queued = Assert.Single(await DeliveredMail.QueueAsync(Data), m => m.Envelope.QueueId == swaks.QueueId);
        Assert.Equal("alice@example.org", queued.Envelope.Sender);
        Assert.Equal("alice@example.org", queued.Envelope.AuthenticatedUser);
        Assert.Equal("dave@remote.example", Assert.Single(queued.Recipients).Address);
        var content = await DeliveredMail.QueuedContentAsync(Data, queued.MessageId);
        Assert.StartsWith("Received: from swaks.test ([127.0.0.1])\r\n\t(using TLSv1.3 with cipher ", content, StringComparison.Ordinal);
        Assert.Contains("Subject: " + marker + "\r\n", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Return-Path:", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XCLIENT_from_the_trusted_proxy_names_the_real_client_in_Received()
    {
        var marker = Marker();
        var swaks = await Swaks.RunAsync(fixture.Mx, "--local-interface", SmtpServerFixture.ProxyAddress, "--xclient-addr", "192.0.2.7", "--xclient-helo", "real-client.example.net", "--from", "carol@example.net", "--to", "alice@example.org", "--header", "Subject: " + marker);

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.StartsWith("220 posta.test ESMTP Posta", swaks.Replies.Last(r => r.StartsWith("220", StringComparison.Ordinal)), StringComparison.Ordinal);
        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        Assert.Contains("Received: from swaks.test ([192.0.2.7])\r\n", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(SmtpServerFixture.ProxyAddress, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XCLIENT_from_an_untrusted_client_is_not_offered_and_refused_with_550_5_7_0()
    {
        var swaks = await Swaks.RunAsync(fixture.Mx, "--xclient-addr", "192.0.2.7", "--from", "carol@example.net", "--to", "alice@example.org");

        Assert.NotEqual(0, swaks.ExitCode);
        Assert.True(swaks.Contains("Host did not advertise XCLIENT"), swaks.ToString());

        // swaks does not send XCLIENT that was not offered: a client that does anyway.
        var marker = Marker();
        var (client, ehlo) = await SmtpWireClient.GreetAsync(fixture.Mx);
        await using (client)
        {
            Assert.DoesNotContain("XCLIENT", ehlo, StringComparison.Ordinal);
            Assert.Equal("550 5.7.0 Error: insufficient authorization", await client.CommandAsync("XCLIENT ADDR=192.0.2.7 HELO=forged.example"));
            Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.SendMessageAsync("<carol@example.net>", "<alice@example.org>", $"Subject: {marker}\r\n\r\nStill from 127.0.0.1.\r\n"), StringComparison.Ordinal);
        }

        var stored = Assert.Single(await DeliveredMail.InboxWithAsync(Data, "alice@example.org", marker));
        Assert.Contains("Received: from wire.test ([127.0.0.1])\r\n", stored, StringComparison.Ordinal);
    }

    private Task<SwaksTranscript> SubmitAsAliceAsync(string sender, string recipient, params string[] more) =>
        Swaks.RunAsync(fixture.Submission, ["--tls", "--auth", "PLAIN", "--auth-user", "alice@example.org", "--auth-password", SmtpServerFixture.AlicePassword, "--from", sender, "--to", recipient, .. more]);

    private static string Marker() => "m-" + Guid.NewGuid().ToString("N")[..16];

    private static string WriteFile(TempDirectory directory, string name, string text)
    {
        var path = directory.Combine(name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }
}
