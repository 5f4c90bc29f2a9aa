using Posta.Directory.Passwords;

namespace Posta.Directory.Tests.Passwords;

/// <summary>Malformed stored hashes are Unsupported, never exceptions, and IsValidStoredHash names the fault.</summary>
public class PasswordHasherMalformedTests
{
    private const string Password = "Hello world!";

    // Valid hashes of Password (the SHA ones from the specification's vectors, the others from libxcrypt).
    private const string Sha512 = "{SHA512-CRYPT}$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";
    private const string Sha256 = "{SHA256-CRYPT}$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA";
    private const string Md5 = "{MD5-CRYPT}$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1";
    private const string Blf = "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK";

    public static TheoryData<string> ValidHashes => new() { Sha512, Sha256, Md5, Blf };

    public static TheoryData<string, string> Malformed => new()
    {
        // stored, a fragment the error must contain
        { "{FOO}bar", "unknown password scheme {FOO}; supported: SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, MD5-CRYPT, SCRAM-SHA-256, PLAIN" },
        { "{}x", "unknown password scheme {}" },
        { "{SHA512-CRYPT$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "closing '}'" },
        { "{", "closing '}'" },
        { "", "empty" },
        { "{SHA512-CRYPT}", "not a supported crypt hash" },
        { "{SHA512-CRYPT}secret", "not a supported crypt hash" },
        { "abJnggxhB/yWI", "DES" },
        { "{CRYPT}abJnggxhB/yWI", "DES" },
        { " " + Sha512, "not a supported crypt hash" },
        { "{MD5-CRYPT}$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "must start with $1$" },
        // SHA-crypt rounds and salt
        { "$6$rounds=999$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=05000$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=1000000000$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=99999999999$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=5e3$salt$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "rounds" },
        { "$6$rounds=5000", "rounds" },
        { "$6$saltstringsaltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "salt" },
        { "$6$salt:x$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "salt" },
        { "$6$sält$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "salt" },
        { "$6$saltstring", "no '$'" },
        // digests: wrong length, foreign alphabet, non-canonical last character
        { "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz", "86 characters" },
        { "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1a", "86 characters" },
        { "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35in+1", "86 characters" },
        { "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz=", "86 characters" },
        { "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inzz", "canonical" },
        { "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6Icz", "43 characters" },
        { "$1$saltstri$YMyguxXMBpd2TEZ.vS/3qz", "22 characters" },
        { "$1$saltstri$YMyguxXMBpd2TEZ.vS_3q1", "22 characters" },
        { "$1$saltstring$YMyguxXMBpd2TEZ.vS/3q1", "salt" },
        { "$1$saltstri", "no '$'" },
        // bcrypt
        { "$2y$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efm", "53 characters" },
        { "$2y$04$abcdefghijklmnopqrstuvyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "canonical" },
        { "$2y$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmL", "canonical" },
        { "$2y$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efm+", "53 characters" },
        { "$2y$03$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "cost" },
        { "$2y$32$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "cost" },
        { "$2y$4$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "cost" },
        { "$2c$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "$2y$" },
        { "$2$04$abcdefghijklmnopqrstuuyeG8laUfZvsCmc.AE6qIDYSPGM2efmK", "$2y$" },
        { "$2y$04", "cost" },
    };

    [Theory]
    [MemberData(nameof(ValidHashes))]
    public void Valid_hashes_verify_and_pass_the_import_check(string stored)
    {
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(stored, Password));
        Assert.True(PasswordHasher.IsValidStoredHash(stored, out var error));
        Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_hashes_are_unsupported_and_the_error_says_why(string stored, string fragment)
    {
        Assert.Equal(PasswordCheck.Unsupported, PasswordHasher.Verify(stored, Password));
        Assert.False(PasswordHasher.IsValidStoredHash(stored, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_scheme_error_lists_the_supported_schemes()
    {
        Assert.False(PasswordHasher.IsValidStoredHash("{FOO}bar", out var error));
        Assert.Equal("unknown password scheme {FOO}; supported: SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, MD5-CRYPT, SCRAM-SHA-256, PLAIN", error);
    }

    [Theory]
    [MemberData(nameof(ValidHashes))]
    public void Every_truncation_of_a_crypt_hash_is_unsupported(string stored)
    {
        for (var length = 0; length < stored.Length; length++)
        {
            var truncated = stored[..length];
            Assert.True(PasswordCheck.Unsupported == PasswordHasher.Verify(truncated, Password), $"accepted \"{truncated}\"");
            Assert.False(PasswordHasher.IsValidStoredHash(truncated, out _));
        }
    }

    [Theory]
    [MemberData(nameof(ValidHashes))]
    public void Any_character_outside_the_alphabet_in_the_digest_is_unsupported(string stored)
    {
        var digestStart = stored.LastIndexOf('$') + 1;
        foreach (var foreign in "+-_=*!é \0\n")
        {
            for (var i = digestStart; i < stored.Length; i += 7)
            {
                var changed = string.Concat(stored.AsSpan(0, i), foreign.ToString(), stored.AsSpan(i + 1));
                Assert.Equal(PasswordCheck.Unsupported, PasswordHasher.Verify(changed, Password));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValidHashes))]
    public void Changing_any_digest_character_within_the_alphabet_gives_mismatch_or_unsupported(string stored)
    {
        // Non-canonical last characters are Unsupported; every other change is a well-formed wrong hash.
        var digestStart = stored.LastIndexOf('$') + 1;
        for (var i = digestStart; i < stored.Length; i += 5)
        {
            var replacement = stored[i] == 'a' ? 'b' : 'a';
            var changed = string.Concat(stored.AsSpan(0, i), replacement.ToString(), stored.AsSpan(i + 1));
            Assert.NotEqual(PasswordCheck.Match, PasswordHasher.Verify(changed, Password));
        }
    }

    [Fact]
    public void Null_stored_hash_is_unsupported()
    {
        Assert.Equal(PasswordCheck.Unsupported, PasswordHasher.Verify(null!, Password));
        Assert.False(PasswordHasher.IsValidStoredHash(null!, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Null_password_is_a_mismatch()
    {
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify("{PLAIN}", null!));
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        // Fragments of real hashes glued at random reach deep into every parser. Numbers come with their
        // '$' so no combination asks for a cost that would take minutes.
        string[] pieces =
        [
            "{", "}", "$", "{SHA512-CRYPT}", "{BLF-CRYPT}", "{MD5-CRYPT}", "{PLAIN}", "{CRYPT}", "$6$", "$5$", "$1$",
            "$2y$", "$2a$", "$2x$", "rounds=", "1000$", "04$", "saltstring", "abcdefghijklmnopqrstuu",
            "svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl", "/O817G3uBnIFNjnQ", "é", "\0", ":", "zz", ".", "/",
        ];
        var random = new Random(20240601);
        for (var n = 0; n < 5000; n++)
        {
            var count = random.Next(1, 8);
            var stored = string.Concat(Enumerable.Range(0, count).Select(_ => pieces[random.Next(pieces.Length)]));
            var check = PasswordHasher.Verify(stored, Password);
            Assert.Equal(check != PasswordCheck.Unsupported, PasswordHasher.IsValidStoredHash(stored, out _));
        }
    }
}
