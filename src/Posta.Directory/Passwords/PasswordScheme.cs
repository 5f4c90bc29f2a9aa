namespace Posta.Directory.Passwords;

/// <summary>The password schemes Posta understands, named after Dovecot's.</summary>
internal enum PasswordScheme
{
    /// <summary>Dovecot's CRYPT (also what a hash without a {SCHEME} prefix means): the crypt(3) prefix of the data picks the algorithm.</summary>
    Crypt,
    Sha512Crypt,
    Sha256Crypt,
    BlfCrypt,
    Md5Crypt,
    Plain,

    /// <summary>Dovecot's SCRAM-SHA-256: "iterations,salt,StoredKey,ServerKey" (RFC 5802, RFC 7677).</summary>
    ScramSha256,
}
