namespace Posta.Directory.Authentication;

/// <summary>Limits on failed authentications per client address, shared by every protocol.</summary>
public sealed class AuthenticationThrottleOptions
{
    /// <summary>
    /// How long to wait before answering a failed authentication. Dovecot's <c>auth_failure_delay</c>
    /// defaults to 2 seconds: long enough to slow guessing on one connection, short enough for a person.
    /// </summary>
    public TimeSpan FailureDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Failures within <see cref="Window"/> after which a client address is refused outright.</summary>
    public int MaxFailures { get; init; } = 10;

    /// <summary>
    /// The span <see cref="MaxFailures"/> is counted over; a blocked address is let in again once its
    /// oldest counted failure is this old. With the defaults a guesser gets at most 10 tries per 15 minutes
    /// (under a thousand a day), while a user who mistypes a few times is never blocked.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Client addresses tracked at once; past this the address whose last failure is oldest is forgotten,
    /// so a flood of addresses costs bounded memory (about 150 bytes each with the default MaxFailures).
    /// </summary>
    public int MaxTrackedClients { get; init; } = 100_000;
}
