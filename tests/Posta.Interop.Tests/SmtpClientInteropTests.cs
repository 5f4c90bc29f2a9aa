using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.State;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// Posta's SMTP/LMTP client against real peers: Dovecot's LMTP server (the store role of
/// another product) and Postfix's smtpd (a remote MX), over TCP, with and without BDAT, and
/// with STARTTLS.
/// </summary>
public sealed class SmtpClientInteropTests
{
    private const string HelloName = "client.posta.test";

    /// <summary>The test message with LF line endings, as stored in the repository.</summary>
    private static readonly byte[] MessageWithLf = File.ReadAllBytes(Path.Combine(RepositoryPaths.TestData, "messages", "client", "dots-and-8bit.eml"));

    /// <summary>The same with CRLF line endings: what a server receives, whichever of the two is sent.</summary>
    private static readonly byte[] Message = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(MessageWithLf).Replace("\n", "\r\n", StringComparison.Ordinal));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dovecot_LMTP_answers_per_recipient_and_stores_the_message_byte_exact(bool chunking)
    {
        await using var dovecot = await DovecotInstance.StartAsync(new Dictionary<string, string> { ["bob@peer.test"] = "bob password" });
        var transcript = new RecordingLogger();
        var options = new SmtpClientOptions { HelloName = HelloName, Dialect = SmtpDialect.Lmtp, UseChunking = chunking, Logger = transcript };
        await using var session = await SmtpClientSession.ConnectAsync(new IPEndPoint(IPAddress.Loopback, dovecot.LmtpPort), options);
        Assert.True(session.Capabilities.Pipelining, dovecot.ReadLog());
        Assert.True(session.Capabilities.EightBitMime);
        Assert.Equal(chunking, chunking && session.Capabilities.Chunking);
        var envelope = new Envelope("carol@example.net", [new EnvelopeRecipient("bob@peer.test"), new EnvelopeRecipient("nobody@peer.test")])
        {
            Body = BodyType.EightBitMime,
        };

        var result = await session.SendAsync(envelope, new MemoryStream(Message));
        await session.QuitAsync();

        var bob = result.Recipients[0];
        Assert.True(bob.Delivered, $"{bob.Reply}\n{dovecot.ReadLog()}");
        Assert.Equal(2, bob.Reply.Status?.Class);
        Assert.Contains("<bob@peer.test>", bob.Reply.Text, StringComparison.Ordinal);
        var nobody = result.Recipients[1];
        Assert.False(nobody.Accepted);
        Assert.Equal("550 5.1.1", nobody.Reply.ToString()[..9]);
        Assert.Null(result.DataReply);

        AssertPipelined(transcript, 2, chunking);
        var stored = Assert.Single(await ImapMessageReader.FetchInboxAsync(dovecot.ImapPort, "bob@peer.test", "bob password"));
        AssertTraceHeadersThenMessage(stored, ["Return-Path", "Delivered-To", "Received"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Postfix_takes_a_pipelined_8bit_message_with_dot_lines_and_delivers_it_intact(bool chunking)
    {
        await using var postfix = await PostfixInstance.StartAsync();
        var transcript = new RecordingLogger();
        var options = new SmtpClientOptions { HelloName = HelloName, UseChunking = chunking, Logger = transcript };
        await using var session = await SmtpClientSession.ConnectAsync(new IPEndPoint(IPAddress.Loopback, postfix.SmtpPort), options);
        Assert.True(session.Capabilities.Pipelining);
        Assert.True(session.Capabilities.EightBitMime);
        Assert.Equal(chunking, chunking && session.Capabilities.Chunking);
        var envelope = new Envelope("carol@example.net", [new EnvelopeRecipient("alice@peer.test"), new EnvelopeRecipient("unknown@peer.test"), new EnvelopeRecipient("bob@peer.test")])
        {
            Body = BodyType.EightBitMime,
        };

        // Sent with bare LFs: the client must put CRLFs on the wire.
        var result = await session.SendAsync(envelope, new MemoryStream(MessageWithLf));
        await session.QuitAsync();

        AssertPipelined(transcript, 3, chunking);
        Assert.Equal([true, false, true], result.Recipients.Select(r => r.Delivered));
        Assert.Equal("550 5.1.1", result.Recipients[1].Reply.ToString()[..9]);
        // Postfix says "Ok: queued as ID" after DATA, "Ok: N bytes queued as ID" after BDAT LAST.
        Assert.StartsWith("250 2.0.0 Ok: ", result.DataReply!.ToString(), StringComparison.Ordinal);
        Assert.Contains("queued as ", result.DataReply.Text, StringComparison.Ordinal);
        foreach (var address in new[] { "alice@peer.test", "bob@peer.test" })
        {
            var file = Assert.Single(await postfix.WaitForDeliveryAsync(address));

            // Maildir files hold LF line endings.
            var delivered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Replace("\n", "\r\n", StringComparison.Ordinal));
            var received = AssertTraceHeadersThenMessage(delivered, ["Return-Path", "X-Original-To", "Delivered-To", "Received"]);
            Assert.Contains($"from {HelloName} (", received, StringComparison.Ordinal);
            Assert.Contains("with ESMTP id", received, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("improper command pipelining", postfix.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STARTTLS_to_Postfix_encrypts_the_transaction()
    {
        using var dir = new TempDirectory("posta-client-tls");
        using var certificate = CreateCertificate("postfix.peer.test");
        await File.WriteAllTextAsync(dir.Combine("cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(dir.Combine("key.pem"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await using var postfix = await PostfixInstance.StartAsync(extraMainCf: new Dictionary<string, string>
        {
            ["smtpd_tls_security_level"] = "may",
            ["smtpd_tls_chain_files"] = dir.Combine("key.pem") + ", " + dir.Combine("cert.pem"),
            ["smtpd_tls_received_header"] = "yes",
        });
        await using var session = await SmtpClientSession.ConnectAsync(new IPEndPoint(IPAddress.Loopback, postfix.SmtpPort), new SmtpClientOptions { HelloName = HelloName });
        Assert.True(session.Capabilities.StartTls, postfix.ReadLog());

        await session.StartTlsAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "postfix.peer.test",

            // The peer's self-signed certificate, pinned.
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        });
        Assert.True(session.IsEncrypted);
        Assert.False(session.Capabilities.StartTls);
        var result = await session.SendAsync(new Envelope("carol@example.net", [new EnvelopeRecipient("alice@peer.test")]) { Body = BodyType.EightBitMime }, new MemoryStream(Message));
        await session.QuitAsync();

        Assert.True(result.AllDelivered, result.DataReply?.ToString());
        var delivered = await File.ReadAllTextAsync(Assert.Single(await postfix.WaitForDeliveryAsync("alice@peer.test")));
        Assert.Contains("with ESMTPS id", delivered, StringComparison.Ordinal);
        Assert.Contains($"(using {TlsName(session)}", delivered, StringComparison.Ordinal);
    }

    /// <summary>
    /// The client's transcript shows MAIL, every RCPT (and DATA) sent before the first reply to
    /// them, and the content going by BDAT or DATA as asked.
    /// </summary>
    private static void AssertPipelined(RecordingLogger transcript, int recipients, bool chunking)
    {
        var lines = transcript.Messages.ToList();
        var mail = lines.FindIndex(l => l.StartsWith("SMTP client sent MAIL FROM:", StringComparison.Ordinal));
        var firstReply = lines.FindIndex(mail, l => l.StartsWith("SMTP client received ", StringComparison.Ordinal));
        var group = lines[mail..firstReply];
        Assert.Equal(recipients, group.Count(l => l.StartsWith("SMTP client sent RCPT TO:", StringComparison.Ordinal)));
        Assert.Equal(chunking ? 1 + recipients : 2 + recipients, group.Count);
        Assert.Equal(!chunking, group[^1] == "SMTP client sent DATA");
        Assert.Equal(chunking, lines.Any(l => l.StartsWith("SMTP client sent BDAT ", StringComparison.Ordinal) && l.EndsWith(" LAST", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Asserts <paramref name="stored"/> is trace header fields of the given names (folded or not)
    /// followed by exactly the message sent; returns the trace fields.
    /// </summary>
    private static string AssertTraceHeadersThenMessage(byte[] stored, string[] traceFields)
    {
        var text = Encoding.UTF8.GetString(stored);
        var position = 0;
        while (!stored.AsSpan(position).StartsWith(Message))
        {
            var lineEnd = text.IndexOf("\r\n", position, StringComparison.Ordinal);
            Assert.True(lineEnd >= 0, "the stored message ends with what was sent:\n" + text);
            var line = text[position..lineEnd];
            var continuation = line.StartsWith(' ') || line.StartsWith('\t');
            Assert.True(
                continuation || traceFields.Any(f => line.StartsWith(f + ":", StringComparison.OrdinalIgnoreCase)),
                $"only {string.Join(", ", traceFields)} precede the message; found: {line}\n{text}");
            position = lineEnd + 2;
        }

        Assert.Equal(Message.Length, stored.Length - position);
        return text[..position];
    }

    private static string TlsName(SmtpClientSession session) => session.TlsProtocol switch
    {
        System.Security.Authentication.SslProtocols.Tls13 => "TLSv1.3",
        System.Security.Authentication.SslProtocols.Tls12 => "TLSv1.2",
        var other => other.ToString(),
    };

    private static X509Certificate2 CreateCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
