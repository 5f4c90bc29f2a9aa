namespace Posta.Sasl;

/// <summary>Limits and test hooks for the mechanisms.</summary>
public sealed class SaslOptions
{
    /// <summary>
    /// Longest authentication or authorization identity, in UTF-8 octets. RFC 4616 §2 requires accepting
    /// up to 255 octets of each; an address is at most 254 (RFC 5321 §4.5.3.1.3 path limit less the brackets),
    /// so 255 is also enough.
    /// </summary>
    public int MaxIdentityBytes { get; init; } = 255;

    /// <summary>
    /// Longest password, in UTF-8 octets. RFC 4616 §2 requires accepting up to 255 octets; 1024 leaves
    /// room for long passphrases while bounding the work a client can make us do.
    /// </summary>
    public int MaxPasswordBytes { get; init; } = 1024;

    /// <summary>
    /// Longest SCRAM client message, in octets. The client-first message holds a user name (255), a nonce
    /// and a few attributes; the client-final message a nonce, a proof and the base64 channel binding
    /// header: 2048 is several times what a real client sends.
    /// </summary>
    public int MaxScramMessageBytes { get; init; } = 2048;

    /// <summary>
    /// Makes the server's part of the SCRAM nonce (RFC 5802 §5.1: printable ASCII except ','). Tests set
    /// it to reproduce published exchanges; left null, the nonce is 24 bytes from
    /// <see cref="System.Security.Cryptography.RandomNumberGenerator"/> in base64.
    /// </summary>
    public Func<string>? ServerNonceGenerator { get; init; }

    internal static SaslOptions Default { get; } = new();
}
