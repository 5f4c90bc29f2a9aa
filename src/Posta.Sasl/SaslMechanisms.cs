using Posta.Sasl.Mechanisms;

namespace Posta.Sasl;

/// <summary>The SASL mechanisms Posta serves, by their IANA names.</summary>
public static class SaslMechanisms
{
    /// <summary>RFC 4616.</summary>
    public const string Plain = "PLAIN";

    /// <summary>draft-murchison-sasl-login: obsolete, but Outlook and older clients still only speak it.</summary>
    public const string Login = "LOGIN";

    /// <summary>RFC 5802 with SHA-256 (RFC 7677).</summary>
    public const string ScramSha256 = "SCRAM-SHA-256";

    /// <summary>The names <see cref="Create"/> knows, strongest first, as a server would advertise them.</summary>
    public static IReadOnlyList<string> All { get; } = [ScramSha256, Plain, Login];

    /// <summary>
    /// A new exchange for <paramref name="mechanism"/> (matched case-insensitively: RFC 4422 §3.1 names are
    /// upper-case, and clients send them so, but protocols compare them without case), or null when the name
    /// is not supported.
    /// </summary>
    public static SaslExchange? Create(string mechanism, ISaslCredentialVerifier verifier, SaslOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(verifier);
        options ??= SaslOptions.Default;
        return mechanism.ToUpperInvariant() switch
        {
            Plain => new PlainExchange(verifier, options),
            Login => new LoginExchange(verifier, options),
            ScramSha256 => new ScramSha256Exchange(verifier, options),
            _ => null,
        };
    }
}
