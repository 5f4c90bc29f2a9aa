using System.Text;

namespace Posta.Interop.Tests;

/// <summary>
/// Checks a stored message against the octets the client sent: the server may only have put trace
/// fields on top (RFC 5321 §4.4), everything after them is the message byte for byte.
/// </summary>
internal static class TraceFields
{
    /// <summary>
    /// Asserts that <paramref name="stored"/> is fields named <paramref name="expectedNames"/>, in
    /// that order, followed by exactly <paramref name="sent"/>; returns the fields' text.
    /// </summary>
    public static string AssertOnTopOf(byte[] stored, byte[] sent, params string[] expectedNames)
    {
        var text = Encoding.UTF8.GetString(stored);
        Assert.True(stored.AsSpan().EndsWith(sent), $"the stored message ends with the {sent.Length} octets sent:\n{text}");
        var trace = Encoding.UTF8.GetString(stored, 0, stored.Length - sent.Length);
        Assert.EndsWith("\r\n", trace, StringComparison.Ordinal);
        var names = trace.Split("\r\n")[..^1]
            .Where(line => !line.StartsWith(' ') && !line.StartsWith('\t'))
            .Select(line => line[..Math.Max(line.IndexOf(':', StringComparison.Ordinal), 0)])
            .ToArray();
        Assert.Equal(expectedNames, names);
        return trace;
    }
}
