using System.Security.Cryptography;

namespace Posta.Mime.Building;

/// <summary>Message-ID values (RFC 5322 §3.6.4).</summary>
public static class MessageIds
{
    /// <summary>A new globally unique "&lt;random@domain&gt;": 128 random bits, so no coordination is needed.</summary>
    public static string Generate(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (domain.Any(c => c is '<' or '>' or '@' or ' ' or '\r' or '\n'))
            throw new ArgumentException("Not a domain.", nameof(domain));
        return "<" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "@" + domain + ">";
    }
}
