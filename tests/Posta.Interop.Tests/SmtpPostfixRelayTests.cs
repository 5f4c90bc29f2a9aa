using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Posta.Storage.Queue;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// A real Postfix (Debian's) as posta's SMTP peer: relaying mail for posta's domains to its MX
/// (relayhost), with opportunistic STARTTLS, and as a satellite that submits everything through
/// posta's port 587 with STARTTLS and Cyrus SASL, the way a null client or an application server
/// is set up.
/// </summary>
public sealed partial class SmtpPostfixRelayTests(PostfixMxFixture fixture) : IClassFixture<PostfixMxFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Postfix_relays_to_the_MX_over_STARTTLS_and_the_message_is_stored()
    {
        var marker = Marker();

        await SwaksAsync(fixture.Postfix, "carol@peer.test", "alice@example.org", marker);

        var line = await WaitForLogAsync(fixture.Postfix, "to=<alice@example.org>", "status=");
        var id = QueuedAs().Match(line);
        Assert.True(line.Contains("status=sent (250 2.0.0 Ok: queued as ", StringComparison.Ordinal) && id.Success, fixture.Postfix.ReadLog());
        var stored = Encoding.UTF8.GetString(await PostaStoreReader.WaitForMessageAsync(fixture.Posta, "alice@example.org", Encoding.ASCII.GetBytes(marker), fixture.Postfix.ReadLog));
        Assert.StartsWith("Return-Path: <carol@peer.test>\r\nDelivered-To: alice@example.org\r\nReceived: from postfix.peer.test ([127.0.0.1])\r\n\t(using TLSv1.", stored, StringComparison.Ordinal);
        Assert.Contains($"\tby posta.test (Posta) with ESMTPS id {id.Groups["id"].Value}\r\n\tfor <alice@example.org>;", stored, StringComparison.Ordinal);

        // Postfix's own Received follows: the message is the one Postfix took from swaks.
        Assert.Contains("\r\nReceived: from ", stored[stored.IndexOf("ESMTPS id", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("TLS connection established to 127.0.0.1[127.0.0.1]", fixture.Postfix.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postfix_bounces_mail_for_a_user_the_MX_does_not_know()
    {
        // The sender is a Postfix mailbox, so the bounce comes back to a place the test can read.
        await SwaksAsync(fixture.Postfix, "alice@peer.test", "nobody@example.org", Marker());

        var line = await WaitForLogAsync(fixture.Postfix, "to=<nobody@example.org>", "status=");
        Assert.Contains("status=bounced", line, StringComparison.Ordinal);
        Assert.Contains("said: 550 5.1.1 <nobody@example.org>: ", line, StringComparison.Ordinal);
        Assert.Contains("(in reply to RCPT TO command)", line, StringComparison.Ordinal);
        var bounce = await File.ReadAllTextAsync(Assert.Single(await fixture.Postfix.WaitForDeliveryAsync("alice@peer.test")));
        Assert.Contains("<nobody@example.org>: host 127.0.0.1[127.0.0.1] said: 550 5.1.1", bounce, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scram-sha-256", "SCRAM-SHA-256")]
    [InlineData("plain", "PLAIN")]
    public async Task Postfix_submits_through_port_587_as_an_authenticated_user(string mechanismFilter, string mechanism)
    {
        await using var posta = await InteropPosta.StartWithAliceAsync("submission");
        using var secrets = new TempDirectory("postfix-sasl");
        var relayHost = InteropPosta.RelayHost(posta, "submission");
        var passwords = secrets.Combine("sasl_passwd");
        await File.WriteAllTextAsync(passwords, $"{relayHost} alice@example.org:{InteropPosta.AlicePassword}\n");
        await using var postfix = await PostfixInstance.StartAsync(
            relayHost: relayHost,
            extraMainCf: new Dictionary<string, string>
            {
                ["smtp_tls_security_level"] = "encrypt",
                ["smtp_sasl_auth_enable"] = "yes",
                ["smtp_sasl_password_maps"] = "texthash:" + passwords,

                // The default also forbids plaintext mechanisms; inside TLS they are what submission expects.
                ["smtp_sasl_security_options"] = "noanonymous",
                ["smtp_sasl_tls_security_options"] = "noanonymous",
                ["smtp_sasl_mechanism_filter"] = mechanismFilter,
            });

        await SwaksAsync(postfix, "alice@example.org", "dave@remote.example", Marker());

        var line = await WaitForLogAsync(postfix, "to=<dave@remote.example>", "status=");
        var id = QueuedAs().Match(line);
        Assert.True(line.Contains("status=sent (250 2.0.0 Ok: queued as ", StringComparison.Ordinal) && id.Success, postfix.ReadLog() + "\nPosta log:\n" + posta.Log);
        Assert.Contains($"authenticated as alice@example.org with {mechanism}", await posta.WaitForLogAsync("authenticated as alice@example.org with "), StringComparison.Ordinal);

        // The remote recipient waits in posta's queue, on behalf of the user who authenticated.
        var queued = await WaitForQueuedAsync(posta, id.Groups["id"].Value);
        Assert.Equal("alice@example.org", queued.Envelope.AuthenticatedUser);
        Assert.Equal("alice@example.org", queued.Envelope.Sender);
        Assert.Equal("dave@remote.example", Assert.Single(queued.Recipients).Address);

        // This hop's Received field says so too: ESMTPSA, over TLS.
        var content = await PostaStoreReader.QueuedContentAsync(posta, queued.MessageId);
        Assert.StartsWith("Received: from postfix.peer.test ([127.0.0.1])\r\n\t(using TLSv1.", content, StringComparison.Ordinal);
        Assert.Contains($"\tby posta.test (Posta) with ESMTPSA id {id.Groups["id"].Value}\r\n\tfor <dave@remote.example>;", content, StringComparison.Ordinal);
    }

    private static string Marker() => "m" + Guid.NewGuid().ToString("N");

    /// <summary>Hands a message to Postfix's smtpd, as any client on its network would.</summary>
    private static async Task SwaksAsync(PostfixInstance postfix, string from, string to, string marker)
    {
        var swaks = await ProcessRunner.RunAsync(
            ProcessRunner.RequireProgram("/usr/bin/swaks", "swaks"),
            ["--server", "127.0.0.1", "--port", postfix.SmtpPort.ToString(CultureInfo.InvariantCulture),
             "--from", from, "--to", to, "--header", "Subject: through postfix " + marker, "--body", "relayed by Postfix"]);
        Assert.True(swaks.ExitCode == 0, swaks.ToString());
    }

    /// <summary>Waits for a Postfix log line holding both strings; returns it.</summary>
    private static async Task<string> WaitForLogAsync(PostfixInstance postfix, string first, string second)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var line = postfix.ReadLog().Split('\n').FirstOrDefault(l => l.Contains(first, StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no Postfix log line with {first} and {second}:\n{postfix.ReadLog()}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<QueuedMessageInfo> WaitForQueuedAsync(PostaServer posta, string queueId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var queue = await PostaStoreReader.QueueAsync(posta);
            var found = queue.Where(m => m.Envelope.QueueId == queueId).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{queueId} is not in posta's queue ({queue.Count} message(s) are).\nPosta log:\n{posta.Log}");
            }

            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"queued as (?<id>[0-9a-f]+)\)")]
    private static partial Regex QueuedAs();
}
