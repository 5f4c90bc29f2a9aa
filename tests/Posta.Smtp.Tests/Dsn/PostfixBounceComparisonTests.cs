using System.Globalization;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Testing;
using Xunit.Abstractions;

namespace Posta.Smtp.Tests.Dsn;

/// <summary>
/// The same failure reported by a real Postfix (Debian's package) and by <see cref="DeliveryReportBuilder"/>:
/// Postfix relays a message to a remote MX that refuses the recipient, bounces it to a local sender,
/// and both reports are read by Python's email package and compared field by field.
/// </summary>
public sealed class PostfixBounceComparisonTests(ITestOutputHelper output)
{
    private const string Refusal = "550 5.1.1 <bob@remote.test>: Recipient address rejected: User unknown";

    [Fact]
    public async Task A_bounce_carries_the_same_fields_as_postfixs()
    {
        await using var remote = RejectingSmtpServer.Start(Refusal);
        await using var postfix = await PostfixInstance.StartAsync(["alice@peer.test"], relayHost: $"[127.0.0.1]:{remote.Port.ToString(CultureInfo.InvariantCulture)}");
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "dsn", "original-ascii.eml"));

        await using (var client = await LineClient.ConnectAsync(postfix.SmtpPort))
        {
            Assert.StartsWith("220", (await client.ReadReplyAsync())[0], StringComparison.Ordinal);
            foreach (var (command, expected) in new[]
            {
                ("EHLO client.peer.test", "250"),
                ("MAIL FROM:<alice@peer.test> RET=FULL ENVID=QQ314159+2Bx", "250"),
                ("RCPT TO:<bob@remote.test> NOTIFY=FAILURE ORCPT=rfc822;bob@remote.test", "250"),
                ("DATA", "354"),
            })
            {
                await client.WriteLineAsync(command);
                var reply = await client.ReadReplyAsync();
                Assert.True(reply[^1].StartsWith(expected, StringComparison.Ordinal), $"{command} -> {string.Join('\n', reply)}\n{postfix.ReadLog()}");
            }

            await client.WriteRawAsync(original + ".\r\n");
            Assert.StartsWith("250", (await client.ReadReplyAsync())[0], StringComparison.Ordinal);
            await client.WriteLineAsync("QUIT");
        }

        var bounces = await postfix.WaitForDeliveryAsync("alice@peer.test");
        var theirs = await File.ReadAllBytesAsync(bounces[0]);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(theirs));

        var report = new DeliveryReport(
            "postfix.peer.test",
            "QQ314159+x",
            DsnReturn.Full,
            "alice@peer.test",
            DateTimeOffset.UtcNow,
            [new RecipientReport("bob@remote.test", "rfc822;bob@remote.test", ReportAction.Failed, new SmtpReply(550, new EnhancedStatusCode(5, 1, 1), "<bob@remote.test>: Recipient address rejected: User unknown"), "127.0.0.1", DateTimeOffset.UtcNow)]);
        var ours = new DeliveryReportBuilder(TimeProvider.System).Build(report, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(original)));

        var postfixView = await PythonReport.ParseAsync(theirs);
        var postaView = await PythonReport.ParseAsync(ours);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(ours));

        // The envelope of the report.
        Assert.Equal(postfixView.ContentType, postaView.ContentType);
        Assert.Equal(postfixView.ReportType, postaView.ReportType);
        Assert.Equal(postfixView.PartTypes, postaView.PartTypes);
        foreach (var name in new[] { "From", "To", "Subject", "Auto-Submitted", "MIME-Version" })
        {
            Assert.Equal(postfixView.Header(name), postaView.Header(name));
        }

        // Per-message fields: the same ones (Postfix adds X-Postfix-*), the same values but the time.
        var (theirMessage, ourMessage) = (postfixView.StatusBlocks()[0], postaView.StatusBlocks()[0]);
        Assert.Equal(Standard(theirMessage), PythonReport.FieldNames(ourMessage));
        Assert.Equal(PythonReport.Field(theirMessage, "Reporting-MTA"), PythonReport.Field(ourMessage, "Reporting-MTA"));
        Assert.Equal("QQ314159+x", PythonReport.Field(theirMessage, "Original-Envelope-Id"));
        Assert.Equal(PythonReport.Field(theirMessage, "Original-Envelope-Id"), PythonReport.Field(ourMessage, "Original-Envelope-Id"));
        Assert.True(Posta.Mime.Headers.MailDate.TryParse(PythonReport.Field(ourMessage, "Arrival-Date")!, out _));

        // Per-recipient fields: Postfix's are all there with the same values; ours add Last-Attempt-Date.
        var (theirRecipient, ourRecipient) = (postfixView.StatusBlocks()[1], postaView.StatusBlocks()[1]);
        Assert.Equal(["Last-Attempt-Date"], PythonReport.FieldNames(ourRecipient).Except(Standard(theirRecipient)));
        foreach (var name in Standard(theirRecipient))
        {
            Assert.Equal(Normalize(PythonReport.Field(theirRecipient, name)), Normalize(PythonReport.Field(ourRecipient, name)));
        }

        Assert.Equal("smtp; " + Refusal, Normalize(PythonReport.Field(ourRecipient, "Diagnostic-Code")));

        // The returned message is the original: Postfix's copy has its own Received field on top.
        var theirReturned = postfixView.Part("message/rfc822");
        var ourReturned = postaView.Part("message/rfc822");
        foreach (var name in new[] { "Subject", "Message-ID", "From", "To" })
        {
            Assert.Equal(PythonReport.Field(theirReturned["headers"]!.AsArray(), name), PythonReport.Field(ourReturned["headers"]!.AsArray(), name));
        }

        Assert.Equal(Normalize(theirReturned["body"]!.GetValue<string>()), Normalize(ourReturned["body"]!.GetValue<string>()));

        // Both explanations name the recipient, the remote host and what it said.
        foreach (var view in new[] { postfixView, postaView })
        {
            var text = Normalize(view.Part("text/plain")["text"]!.GetValue<string>());
            Assert.Contains("<bob@remote.test>: host 127.0.0.1", text, StringComparison.Ordinal);
            Assert.Contains("said: " + Refusal, text, StringComparison.Ordinal);
        }

        Assert.Contains(remote.Received, line => line.StartsWith("RCPT TO:<bob@remote.test>", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Field names but Postfix's own X- extension fields (RFC 3464 §2.4 allows them).</summary>
    private static List<string> Standard(System.Text.Json.Nodes.JsonArray fields) =>
        [.. PythonReport.FieldNames(fields).Where(n => !n.StartsWith("X-", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Folding and spacing aside: runs of white space become one space, and "type;address" is written
    /// "type; address" (Postfix writes Original-Recipient without the space, RFC 3464 allows both).
    /// </summary>
    private static string? Normalize(string? value) =>
        value is null ? null : System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(value, @"\s+", " "), @"^(rfc822|utf-8);(?=\S)", "$1; ").Trim();
}
