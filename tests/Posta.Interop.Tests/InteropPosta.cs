using System.Globalization;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>Starts posta for the Postfix tests: the listener asked for, and alice@example.org.</summary>
internal static class InteropPosta
{
    /// <summary>Alice's password.</summary>
    public const string AlicePassword = "alice's password 42";

    /// <summary>Starts posta with one listener and the user alice@example.org.</summary>
    public static async Task<PostaServer> StartWithAliceAsync(string listener)
    {
        var posta = await PostaServer.StartAsync([listener]);
        try
        {
            foreach (var (arguments, stdin) in new (string[], string?)[]
            {
                (["domain", "add", "example.org"], null),
                (["user", "add", "alice@example.org", "--password-stdin"], AlicePassword + "\n"),
            })
            {
                var run = await posta.RunCliAsync(arguments, stdin);
                Assert.True(run.ExitCode == 0, run.ToString());
            }
        }
        catch
        {
            await posta.DisposeAsync();
            throw;
        }

        return posta;
    }

    /// <summary>Postfix's relayhost value for the listener: "[127.0.0.1]:PORT", no MX lookup.</summary>
    public static string RelayHost(PostaServer posta, string listener) =>
        "[127.0.0.1]:" + posta.Ports[listener].ToString(CultureInfo.InvariantCulture);
}
