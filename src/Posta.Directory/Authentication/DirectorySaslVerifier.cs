using System.Security.Cryptography;
using System.Text;
using Posta.Directory.Addresses;
using Posta.Sasl;

namespace Posta.Directory.Authentication;

/// <summary>
/// The SASL mechanisms' view of the <see cref="AccountDirectory"/>: logins by address or alias exactly as
/// <see cref="AccountDirectory.AuthenticateAsync"/> takes them, and SCRAM keys with decoys for every login
/// that cannot use SCRAM, so an exchange never tells who exists.
/// </summary>
public sealed class DirectorySaslVerifier(AccountDirectory directory) : ISaslCredentialVerifier
{
    // Per process: decoys stay the same for one login while the server runs (a client comparing two
    // attempts sees one salt, as for a real user) and cannot be predicted from outside.
    private readonly byte[] _decoyKey = RandomNumberGenerator.GetBytes(32);

    /// <inheritdoc />
    public async ValueTask<string?> VerifyPasswordAsync(string login, string password, CancellationToken cancellationToken)
    {
        var result = await directory.AuthenticateAsync(login, password, cancellationToken);
        return result.User?.Address;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Decoys go to unknown logins, disabled accounts, and users without keys yet (their hash was imported
    /// and they have not logged in with a password since): SCRAM then fails for them like a wrong password.
    /// </remarks>
    public async ValueTask<ScramLookup> GetScramCredentialsAsync(string login, CancellationToken cancellationToken)
    {
        var user = await directory.FindLoginUserAsync(login, cancellationToken);
        if (user is { Disabled: false, ScramSha256: { } stored } && ScramCredentials.TryParse(stored, out var credentials))
        {
            return new ScramLookup(credentials, user.Address);
        }

        return new ScramLookup(Decoy(login), null);
    }

    private ScramCredentials Decoy(string login)
    {
        // Spellings of one address must share a decoy, or comparing "Bob@x" with "bob@x" would tell an
        // unknown login (two salts) from a real one (one salt).
        var name = AddressNormalizer.TryNormalizeAddress(login, out var normalized, out _) ? normalized : login;
        return new ScramCredentials(
            ScramCredentials.DefaultIterations,
            Derive("salt", name)[..ScramCredentials.DefaultSaltBytes],
            Derive("stored-key", name),
            Derive("server-key", name));
    }

    private byte[] Derive(string purpose, string login) =>
        HMACSHA256.HashData(_decoyKey, Encoding.UTF8.GetBytes(purpose + "\0" + login));
}
