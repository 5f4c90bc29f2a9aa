namespace Posta.Hosting;

/// <summary>The listener names of the configuration contract: IANA service names.</summary>
public static class ListenerNames
{
    /// <summary>SMTP relay/MX, port 25 (RFC 5321), STARTTLS.</summary>
    public const string Smtp = "smtp";

    /// <summary>Message submission, port 587 (RFC 6409), STARTTLS.</summary>
    public const string Submission = "submission";

    /// <summary>Message submission over implicit TLS, port 465 (RFC 8314 §3.3).</summary>
    public const string Submissions = "submissions";

    /// <summary>LMTP, port 24 (RFC 2033).</summary>
    public const string Lmtp = "lmtp";

    /// <summary>IMAP, port 143 (RFC 9051), STARTTLS.</summary>
    public const string Imap = "imap";

    /// <summary>IMAP over implicit TLS, port 993 (RFC 8314).</summary>
    public const string Imaps = "imaps";

    /// <summary>POP3, port 110 (RFC 1939), STLS.</summary>
    public const string Pop3 = "pop3";

    /// <summary>POP3 over implicit TLS, port 995 (RFC 8314).</summary>
    public const string Pop3s = "pop3s";

    /// <summary>ManageSieve, port 4190 (RFC 5804), STARTTLS.</summary>
    public const string ManageSieve = "managesieve";

    /// <summary>HTTP, port 80.</summary>
    public const string Http = "http";

    /// <summary>HTTPS, port 443.</summary>
    public const string Https = "https";

    /// <summary>Every listener name, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Smtp, Submission, Submissions, Lmtp, Imap, Imaps, Pop3, Pop3s, ManageSieve, Http, Https];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="All"/> (case-insensitive).</summary>
    public static bool IsKnown(string name) => TryGetDefaultPort(name, out _);

    /// <summary>The IANA port of a listener.</summary>
    /// <exception cref="ArgumentException">The name is not a listener name.</exception>
    public static int DefaultPort(string name) =>
        TryGetDefaultPort(name, out var port)
            ? port
            : throw new ArgumentException($"unknown listener '{name}'; known listeners are {string.Join(", ", All)}", nameof(name));

    /// <summary>Whether TLS starts before the first protocol byte (no STARTTLS).</summary>
    public static bool IsImplicitTls(string name) =>
        Is(name, Submissions) || Is(name, Imaps) || Is(name, Pop3s) || Is(name, Https);

    /// <summary>Whether the listener serves the ASP.NET Core application rather than a protocol handler.</summary>
    public static bool IsHttp(string name) => Is(name, Http) || Is(name, Https);

    /// <summary>The shortest idle timeout the protocol's RFC allows, or zero when it sets none.</summary>
    internal static TimeSpan MinimumIdleTimeout(string name)
    {
        if (Is(name, Imap) || Is(name, Imaps))
        {
            // RFC 9051 §5.4: an inactivity autologout timer must be at least 30 minutes.
            return TimeSpan.FromMinutes(30);
        }

        if (Is(name, Pop3) || Is(name, Pop3s))
        {
            // RFC 1939 §3: the autologout timer must be at least 10 minutes.
            return TimeSpan.FromMinutes(10);
        }

        return TimeSpan.Zero;
    }

    /// <summary>The canonical (lower-case) spelling of a listener name.</summary>
    internal static string Normalize(string name)
    {
        foreach (var known in All)
        {
            if (Is(name, known))
            {
                return known;
            }
        }

        throw new ArgumentException($"unknown listener '{name}'; known listeners are {string.Join(", ", All)}", nameof(name));
    }

    private static bool TryGetDefaultPort(string name, out int port)
    {
        port = name?.ToLowerInvariant() switch
        {
            Smtp => 25,
            Submission => 587,
            Submissions => 465,
            Lmtp => 24,
            Imap => 143,
            Imaps => 993,
            Pop3 => 110,
            Pop3s => 995,
            ManageSieve => 4190,
            Http => 80,
            Https => 443,
            _ => 0,
        };
        return port != 0;
    }

    private static bool Is(string name, string known) => string.Equals(name, known, StringComparison.OrdinalIgnoreCase);
}
