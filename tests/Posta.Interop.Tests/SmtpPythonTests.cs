using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// Python's smtplib (Debian's python3) submitting mail to the real posta, as a mail program or a
/// script would: STARTTLS on 587 and implicit TLS on 465, AUTH PLAIN or LOGIN, a MIME message built
/// by Python's email package, an SMTPUTF8 transaction, and the exceptions smtplib raises for
/// Posta's refusals. The client side is tests/TestData/smtp/smtplib_client.py.
/// </summary>
public sealed partial class SmtpPythonTests(SubmissionFixture fixture) : IClassFixture<SubmissionFixture>
{
    private const string Python = "/usr/bin/python3";

    private static readonly string Script = Path.Combine(RepositoryPaths.TestData, "smtp", "smtplib_client.py");

    [Theory]
    [InlineData("submission", "starttls", null, "PLAIN")]
    [InlineData("submission", "starttls", "LOGIN", "LOGIN")]
    [InlineData("submissions", "implicit", null, "PLAIN")]
    public async Task A_message_from_the_email_package_is_stored_byte_exact_under_the_trace_fields(string listener, string security, string? mechanism, string expectedMechanism)
    {
        var marker = NewMarker();
        var run = await SendAsync(listener, security, mechanism, "alice@example.org", ["bob@example.org"], "mime", marker);

        Assert.True(run.Outcome == "sent", run.ToString());
        Assert.Equal("TLSv1.3", run.Result.GetProperty("tls").GetString());
        Assert.Empty(run.Result.GetProperty("refused").EnumerateObject());
        var sent = run.Sent ?? throw new InvalidOperationException("smtplib sent no DATA\n" + run);

        var stored = await PostaStoreReader.WaitForMessageAsync(fixture.Posta, "bob@example.org", MessageId(marker), run.ToString);
        var trace = TraceFields.AssertOnTopOf(stored, sent, "Return-Path", "Delivered-To", "Received");
        Assert.StartsWith("Return-Path: <alice@example.org>\r\nDelivered-To: bob@example.org\r\nReceived: from ", trace, StringComparison.Ordinal);
        Assert.Contains(" ([127.0.0.1])\r\n\t(using TLSv1.3 with cipher ", trace, StringComparison.Ordinal);
        Assert.Contains("\tfor <bob@example.org>;", trace, StringComparison.Ordinal);
        var id = TransactionId(trace, "ESMTPSA");

        // The message is what the email package made of a UTF-8 subject and a binary attachment.
        var text = Encoding.UTF8.GetString(sent);
        Assert.Contains("Subject: =?utf-8?", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Disposition: attachment; filename=\"tabelle.bin\"", text, StringComparison.Ordinal);
        Assert.Equal(expectedMechanism, await AuthenticationMechanismAsync(id));
    }

    [Fact]
    public async Task An_SMTPUTF8_transaction_with_UTF8_sender_and_recipient_is_delivered()
    {
        var marker = NewMarker();

        // jörg@example.org is alice's alias: alice may send as jörg.
        var run = await SendAsync("submission", "starttls", null, "jörg@example.org", ["zoë@example.org"], "utf8", marker);

        Assert.True(run.Outcome == "sent", run.ToString());
        var sent = run.Sent ?? throw new InvalidOperationException("smtplib sent no DATA\n" + run);
        var stored = await PostaStoreReader.WaitForMessageAsync(fixture.Posta, "zoë@example.org", MessageId(marker), run.ToString);
        var trace = TraceFields.AssertOnTopOf(stored, sent, "Return-Path", "Delivered-To", "Received");
        Assert.StartsWith("Return-Path: <jörg@example.org>\r\nDelivered-To: zoë@example.org\r\n", trace, StringComparison.Ordinal);
        Assert.Contains("\tfor <zoë@example.org>;", trace, StringComparison.Ordinal);
        TransactionId(trace, "UTF8SMTPSA");
        Assert.Contains("Subject: Überweisung ", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_raises_SMTPRecipientsRefused()
    {
        var run = await SendAsync("submission", "starttls", null, "alice@example.org", ["nobody@example.org"], "mime", NewMarker());

        Assert.True(run.Outcome == "SMTPRecipientsRefused", run.ToString());
        var refusal = run.Result.GetProperty("refused").GetProperty("nobody@example.org");
        Assert.Equal(550, refusal[0].GetInt32());
        Assert.StartsWith("5.1.1 <nobody@example.org>: ", refusal[1].GetString(), StringComparison.Ordinal);
        Assert.Null(run.Sent);
    }

    [Fact]
    public async Task A_sender_the_user_does_not_own_raises_SMTPSenderRefused()
    {
        var run = await SendAsync("submission", "starttls", null, "bob@example.org", ["bob@example.org"], "mime", NewMarker());

        Assert.True(run.Outcome == "SMTPSenderRefused", run.ToString());
        Assert.Equal(553, run.Result.GetProperty("code").GetInt32());
        Assert.StartsWith("5.7.1 <bob@example.org>: Sender address rejected: not owned by user alice@example.org", run.Result.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Null(run.Sent);
    }

    [Fact]
    public async Task A_wrong_password_raises_SMTPAuthenticationError()
    {
        var run = await SendAsync("submissions", "implicit", null, "alice@example.org", ["bob@example.org"], "mime", NewMarker(), "not alice's password");

        Assert.True(run.Outcome == "SMTPAuthenticationError", run.ToString());
        Assert.Equal(535, run.Result.GetProperty("code").GetInt32());
        Assert.StartsWith("5.7.8 ", run.Result.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Null(run.Sent);
    }

    private async Task<PythonRun> SendAsync(string listener, string security, string? mechanism, string sender, string[] recipients, string message, string marker, string password = SubmissionFixture.AlicePassword)
    {
        using var dir = new TempDirectory("smtplib");
        var output = dir.Combine("sent.eml");
        var arguments = new List<string>
        {
            Script,
            "--port", fixture.Posta.Ports[listener].ToString(CultureInfo.InvariantCulture),
            "--security", security,
            "--cafile", fixture.CertificateFile,
            "--user", "alice@example.org",
            "--password", password,
            "--sender", sender,
            "--message", message,
            "--marker", marker,
            "--out", output,
        };
        if (mechanism is not null)
        {
            arguments.AddRange(["--mechanism", mechanism]);
        }

        foreach (var recipient in recipients)
        {
            arguments.AddRange(["--recipient", recipient]);
        }

        // UTF-8 arguments and output whatever the locale of the test run.
        var environment = new Dictionary<string, string?> { ["PYTHONUTF8"] = "1" };
        var process = await ProcessRunner.RunAsync(ProcessRunner.RequireProgram(Python, "python3"), arguments, environment: environment);
        Assert.True(process.ExitCode == 0, $"{process}\nPosta log:\n{fixture.Posta.Log}");
        using var json = JsonDocument.Parse(process.Stdout);
        return new PythonRun(json.RootElement.Clone(), File.Exists(output) ? await File.ReadAllBytesAsync(output) : null, process.ToString());
    }

    /// <summary>The transaction id of this hop's Received field, which says how the message came.</summary>
    private static string TransactionId(string trace, string protocol)
    {
        var match = ReceivedId().Match(trace);
        Assert.True(match.Success, trace);
        Assert.Equal(protocol, match.Groups["protocol"].Value);
        return match.Groups["id"].Value;
    }

    /// <summary>The SASL mechanism Posta logged for the connection that delivered transaction <paramref name="id"/>.</summary>
    private async Task<string> AuthenticationMechanismAsync(string id)
    {
        var log = (await fixture.Posta.WaitForLogAsync($" delivered {id} ")).Split('\n');
        var delivered = log.Single(l => l.Contains($" delivered {id} ", StringComparison.Ordinal));
        var connection = ConnectionId().Match(delivered).Value;
        var authenticated = log.Single(l => l.Contains(connection, StringComparison.Ordinal) && l.Contains(" authenticated as alice@example.org with ", StringComparison.Ordinal));
        return authenticated[(authenticated.LastIndexOf(' ') + 1)..].TrimEnd('\r');
    }

    private static string NewMarker() => "m" + Guid.NewGuid().ToString("N");

    private static byte[] MessageId(string marker) => Encoding.ASCII.GetBytes("<" + marker + "@client.example>");

    [GeneratedRegex(@"by posta\.test \(Posta\) with (?<protocol>\S+) id (?<id>[0-9a-f]+)")]
    private static partial Regex ReceivedId();

    [GeneratedRegex(@"ConnectionId:\S+ ")]
    private static partial Regex ConnectionId();

    /// <summary>What the script printed (its JSON) and the DATA octets it recorded, if it got that far.</summary>
    private sealed record PythonRun(JsonElement Result, byte[]? Sent, string Process)
    {
        public string Outcome => Result.GetProperty("outcome").GetString() ?? string.Empty;

        public override string ToString() => Process;
    }
}
