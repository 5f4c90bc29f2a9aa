using System.Security.Cryptography;
using System.Text;

namespace Posta.Sasl.Tests;

/// <summary>
/// Accounts in memory: each has a password, the logins that reach it, and SCRAM keys derived from the
/// password. Unknown logins get decoy keys, as the directory's verifier gives them.
/// </summary>
internal sealed class TestVerifier : ISaslCredentialVerifier
{
    private readonly Dictionary<string, (string Account, string Password, ScramCredentials Scram)> _logins = new(StringComparer.OrdinalIgnoreCase);

    public List<string> PasswordLogins { get; } = [];

    public List<string> ScramLogins { get; } = [];

    public TestVerifier Add(string account, string password, ScramCredentials? scram = null, params string[] aliases)
    {
        var keys = scram ?? ScramCredentials.Derive(password, Encoding.ASCII.GetBytes("test-salt-" + account), 4096);
        foreach (var login in aliases.Prepend(account))
        {
            _logins[login] = (account, password, keys);
        }

        return this;
    }

    public ValueTask<string?> VerifyPasswordAsync(string login, string password, CancellationToken cancellationToken)
    {
        PasswordLogins.Add(login);
        return ValueTask.FromResult(_logins.TryGetValue(login, out var entry) && entry.Password == password ? entry.Account : null);
    }

    public ValueTask<ScramLookup> GetScramCredentialsAsync(string login, CancellationToken cancellationToken)
    {
        ScramLogins.Add(login);
        if (_logins.TryGetValue(login, out var entry))
        {
            return ValueTask.FromResult(new ScramLookup(entry.Scram, entry.Account));
        }

        var decoy = new ScramCredentials(4096, SHA256.HashData(Encoding.UTF8.GetBytes(login))[..16], new byte[32], new byte[32]);
        return ValueTask.FromResult(new ScramLookup(decoy, null));
    }
}
