namespace Posta.Sasl;

/// <summary>Where the SASL mechanisms check credentials: the account directory, seen through what SASL needs.</summary>
public interface ISaslCredentialVerifier
{
    /// <summary>
    /// PLAIN and LOGIN: checks a login (an address, possibly an alias) and password. Returns the canonical
    /// account name on success, null on failure (unknown user, wrong password, disabled account).
    /// </summary>
    ValueTask<string?> VerifyPasswordAsync(string login, string password, CancellationToken cancellationToken);

    /// <summary>
    /// SCRAM: the stored keys for a login. For an unknown login (or one that may not log in, or has no
    /// SCRAM keys) this returns decoy credentials with <see cref="ScramLookup.Account"/> null, so the
    /// exchange runs to the end and fails like a wrong password and nobody learns which accounts exist.
    /// </summary>
    ValueTask<ScramLookup> GetScramCredentialsAsync(string login, CancellationToken cancellationToken);
}
