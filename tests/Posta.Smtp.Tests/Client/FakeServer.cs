using System.Text;
using Posta.Smtp.Outbound.Client;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Tests.Client;

/// <summary>Pieces of server scripts and client options the client tests share.</summary>
internal static class FakeServer
{
    public const string HelloName = "client.test";

    /// <summary>What a modern server offers (Postfix's usual EHLO reply).</summary>
    public static readonly string[] Modern = ["PIPELINING", "SIZE 10240000", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"];

    public static SmtpClientOptions Options(SmtpDialect dialect = SmtpDialect.Smtp) => new()
    {
        HelloName = HelloName,
        Dialect = dialect,

        // A test that waits for a timeout sets a short one; everything else must be quick anyway.
        GreetingTimeout = TimeSpan.FromSeconds(10),
        CommandTimeout = TimeSpan.FromSeconds(10),
        MailTimeout = TimeSpan.FromSeconds(10),
        RcptTimeout = TimeSpan.FromSeconds(10),
        DataInitiationTimeout = TimeSpan.FromSeconds(10),
        DataBlockTimeout = TimeSpan.FromSeconds(10),
        DataTerminationTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The 250 reply to EHLO/LHLO offering <paramref name="keywords"/>.</summary>
    public static string HelloReply(IReadOnlyList<string> keywords)
    {
        var reply = new StringBuilder();
        reply.Append(keywords.Count == 0 ? "250 fake.test\r\n" : "250-fake.test\r\n");
        for (var i = 0; i < keywords.Count; i++)
        {
            reply.Append(i == keywords.Count - 1 ? "250 " : "250-").Append(keywords[i]).Append("\r\n");
        }

        return reply.ToString();
    }

    /// <summary>Greets, expects EHLO (LHLO for LMTP) and offers <paramref name="keywords"/>.</summary>
    public static async Task GreetAsync(ScriptedConnection connection, IReadOnlyList<string> keywords, SmtpDialect dialect = SmtpDialect.Smtp)
    {
        await connection.SendAsync("220 fake.test ESMTP ready\r\n");
        Assert.Equal((dialect == SmtpDialect.Lmtp ? "LHLO " : "EHLO ") + HelloName, await connection.ReadLineAsync());
        await connection.SendAsync(HelloReply(keywords));
    }

    /// <summary>Expects QUIT and says goodbye.</summary>
    public static async Task QuitAsync(ScriptedConnection connection)
    {
        Assert.Equal("QUIT", await connection.ReadLineAsync());
        await connection.SendAsync("221 2.0.0 Bye\r\n");
    }

    public static Stream Content(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static Envelope Envelope(string sender, params string[] recipients) =>
        new(sender, recipients.Select(r => new EnvelopeRecipient(r)).ToArray());

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
