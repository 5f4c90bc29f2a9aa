using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>What swaks printed: its exit code and the server's reply lines as they came.</summary>
internal sealed class SwaksTranscript(ProcessRunner.Result result)
{
    public int ExitCode => result.ExitCode;

    /// <summary>
    /// Every line the server sent, without swaks's prefix: "&lt;-  " in clear, "&lt;~  " over TLS,
    /// with "*" in place of the first space when swaks took the reply as an error.
    /// </summary>
    public IReadOnlyList<string> Replies =>
        [.. (result.Stdout + "\n" + result.Stderr).Split('\n')
            .Where(l => l.Length > 4 && l[0] == '<' && l[1] is '-' or '~' or '*')
            .Select(l => l[4..].TrimEnd('\r'))];

    /// <summary>The first reply line starting with <paramref name="prefix"/>; fails the test with the transcript if none does.</summary>
    public string Reply(string prefix) =>
        Replies.FirstOrDefault(r => r.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no reply starting with \"{prefix}\" in:\n{this}");

    /// <summary>The id of "250 2.0.0 Ok: queued as ID".</summary>
    public string QueueId => Reply("250 2.0.0 Ok: queued as ")["250 2.0.0 Ok: queued as ".Length..];

    public bool Contains(string text) => result.Stdout.Contains(text, StringComparison.Ordinal) || result.Stderr.Contains(text, StringComparison.Ordinal);

    public override string ToString() => result.ToString();
}
