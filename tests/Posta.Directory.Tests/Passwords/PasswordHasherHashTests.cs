using System.Text.RegularExpressions;
using Posta.Directory.Passwords;

namespace Posta.Directory.Tests.Passwords;

/// <summary>What Hash writes, what it refuses, and how schemes and PLAIN behave.</summary>
public class PasswordHasherHashTests
{
    private const string Password = "pässwörd✓";

    [Theory]
    [InlineData("BLF-CRYPT", 5, @"^\{BLF-CRYPT\}\$2y\$05\$[./A-Za-z0-9]{53}$")]
    [InlineData("SHA512-CRYPT", 1000, @"^\{SHA512-CRYPT\}\$6\$rounds=1000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$")]
    [InlineData("SHA256-CRYPT", 5000, @"^\{SHA256-CRYPT\}\$5\$rounds=5000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{43}$")]
    [InlineData("MD5-CRYPT", null, @"^\{MD5-CRYPT\}\$1\$[./0-9A-Za-z]{8}\$[./0-9A-Za-z]{22}$")]
    [InlineData("PLAIN", null, @"^\{PLAIN\}pässwörd✓$")]
    public void Hash_writes_dovecot_format_that_verifies(string scheme, int? cost, string pattern)
    {
        var hash = PasswordHasher.Hash(Password, scheme, cost);

        Assert.Matches(new Regex(pattern), hash);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, Password));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, "passwörd✓"));
        Assert.True(PasswordHasher.IsValidStoredHash(hash, out _));
    }

    [Fact]
    public void Default_is_bcrypt_2y_at_cost_12()
    {
        Assert.Equal("BLF-CRYPT", PasswordHasher.DefaultScheme);
        var hash = PasswordHasher.Hash(Password);

        Assert.Matches(new Regex(@"^\{BLF-CRYPT\}\$2y\$12\$[./A-Za-z0-9]{53}$"), hash);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, Password));
    }

    [Theory]
    [InlineData("BLF-CRYPT", 4)]
    [InlineData("SHA512-CRYPT", 1000)]
    [InlineData("MD5-CRYPT", null)]
    public void Every_hash_has_a_fresh_salt(string scheme, int? cost)
    {
        Assert.NotEqual(PasswordHasher.Hash(Password, scheme, cost), PasswordHasher.Hash(Password, scheme, cost));
    }

    [Theory]
    [InlineData("blf-crypt", 4, "{BLF-CRYPT}")]
    [InlineData("Sha512-Crypt", 1000, "{SHA512-CRYPT}")]
    [InlineData("md5", null, "{MD5-CRYPT}")]
    [InlineData("cleartext", null, "{PLAIN}")]
    public void Scheme_names_are_case_insensitive_and_aliases_write_the_canonical_name(string scheme, int? cost, string prefix)
    {
        var hash = PasswordHasher.Hash(Password, scheme, cost);
        Assert.StartsWith(prefix, hash, StringComparison.Ordinal);

        var lowerCased = prefix.ToLowerInvariant() + hash[prefix.Length..];
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(lowerCased, Password));
    }

    [Fact]
    public void Bcrypt_refuses_passwords_over_72_bytes_counting_utf8_bytes()
    {
        var fits = new string('é', 36); // 72 bytes
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(PasswordHasher.Hash(fits, "BLF-CRYPT", 4), fits));

        var error = Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(fits + "a", "BLF-CRYPT", 4));
        Assert.Equal("password", error.ParamName);
        Assert.Contains("72 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("73 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BLF-CRYPT", 4)]
    [InlineData("SHA512-CRYPT", 1000)]
    [InlineData("SHA256-CRYPT", 1000)]
    [InlineData("MD5-CRYPT", null)]
    public void Crypt_schemes_refuse_nul_in_passwords_and_never_match_one(string scheme, int? cost)
    {
        // crypt(3) would stop at the NUL, letting "secret\0anything" in as "secret".
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash("secret\0x", scheme, cost));
        var hash = PasswordHasher.Hash("secret", scheme, cost);
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, "secret\0x"));
    }

    [Theory]
    [InlineData("SHA512-CRYPT", 1000)]
    [InlineData("MD5-CRYPT", null)]
    public void Crypt_schemes_stop_at_libxcrypts_511_byte_passphrase_limit(string scheme, int? cost)
    {
        var longest = new string('a', 511);
        var hash = PasswordHasher.Hash(longest, scheme, cost);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, longest));

        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(longest + "a", scheme, cost));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, longest + "a"));
    }

    [Fact]
    public void Unknown_scheme_is_an_argument_error_naming_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(Password, "FOO"));
        Assert.Equal("scheme", error.ParamName);
        Assert.StartsWith("unknown password scheme {FOO}; supported: SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, MD5-CRYPT, SCRAM-SHA-256, PLAIN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crypt_names_a_family_and_cannot_make_hashes()
    {
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(Password, "CRYPT"));
    }

    [Theory]
    [InlineData("BLF-CRYPT", 3)]
    [InlineData("BLF-CRYPT", 32)]
    [InlineData("SHA512-CRYPT", 999)]
    [InlineData("SHA256-CRYPT", 1_000_000_000)]
    public void Costs_out_of_range_are_refused(string scheme, int cost)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHasher.Hash(Password, scheme, cost));
    }

    [Theory]
    [InlineData("MD5-CRYPT")]
    [InlineData("PLAIN")]
    public void Schemes_without_a_cost_refuse_one(string scheme)
    {
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(Password, scheme, 5000));
    }

    [Theory]
    [InlineData("{PLAIN}secret", "secret", PasswordCheck.Match)]
    [InlineData("{PLAIN}secret", "secreT", PasswordCheck.Mismatch)]
    [InlineData("{PLAIN}secret", "secret ", PasswordCheck.Mismatch)]
    [InlineData("{PLAIN}secret", "secre", PasswordCheck.Mismatch)]
    [InlineData("{PLAIN}secret", "", PasswordCheck.Mismatch)]
    [InlineData("{PLAIN}", "", PasswordCheck.Match)]
    [InlineData("{plain}pässwörd✓", "pässwörd✓", PasswordCheck.Match)]
    [InlineData("{PLAIN}pässwörd✓", "passwörd✓", PasswordCheck.Mismatch)]
    [InlineData("{CLEARTEXT}{PLAIN}x", "{PLAIN}x", PasswordCheck.Match)]
    [InlineData("{PLAIN}a}b", "a}b", PasswordCheck.Match)]
    public void Plain_compares_exact_utf8(string stored, string password, PasswordCheck expected)
    {
        Assert.Equal(expected, PasswordHasher.Verify(stored, password));
    }
}
