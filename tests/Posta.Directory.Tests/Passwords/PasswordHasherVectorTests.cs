using System.Text;
using Posta.Directory.Passwords;

namespace Posta.Directory.Tests.Passwords;

/// <summary>Known answers: the SHA-crypt specification's published vectors, and MD5-crypt and bcrypt hashes from libxcrypt.</summary>
public class PasswordHasherVectorTests
{
    // Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512", test vectors: setting, key, expected crypt() output.
    public static TheoryData<string, string, string> Sha256Vectors => new()
    {
        { "$5$saltstring", "Hello world!", "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5" },
        { "$5$rounds=10000$saltstringsaltstring", "Hello world!", "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA" },
        { "$5$rounds=5000$toolongsaltstring", "This is just a test", "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5" },
        { "$5$rounds=1400$anotherlongsaltstring", "a very much longer text to encrypt.  This one even stretches over morethan one line.", "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1" },
        { "$5$rounds=77777$short", "we have a short salt string but not a short password", "$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/" },
        { "$5$rounds=123456$asaltof16chars..", "a short string", "$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD" },
        { "$5$rounds=10$roundstoolow", "the minimum number is still observed", "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC" },
    };

    public static TheoryData<string, string, string> Sha512Vectors => new()
    {
        { "$6$saltstring", "Hello world!", "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1" },
        { "$6$rounds=10000$saltstringsaltstring", "Hello world!", "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v." },
        { "$6$rounds=5000$toolongsaltstring", "This is just a test", "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0" },
        { "$6$rounds=1400$anotherlongsaltstring", "a very much longer text to encrypt.  This one even stretches over morethan one line.", "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1" },
        { "$6$rounds=77777$short", "we have a short salt string but not a short password", "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0" },
        { "$6$rounds=123456$asaltof16chars..", "a short string", "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1" },
        { "$6$rounds=10$roundstoolow", "the minimum number is still observed", "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX." },
    };

    // crypt() from libxcrypt 4.4 (Debian bookworm): key, expected.
    public static TheoryData<string, string> Md5Vectors => new()
    {
        { "password", "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/" },
        { "", "$1$$qRPK7m23GJusamGpoGLby/" },
        { "Hello world!", "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1" },
        { "pässwörd✓", "$1$12345678$ywcO4lVvBmEgnRY/1e9lW/" },
        { new string('x', 100), "$1$ab$s5cdzXI1VZ8fHADCvf1uE1" },
    };

    public static TheoryData<string, string> BcryptVectors => new()
    {
        { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK" },
        { "", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy" },
        { "pässwörd✓", "$2y$04$abcdefghijklmnopqrstuulWnwmcE6E8MDasa5F8q7PgXbK/ltg76" },
        { "pässwörd✓", "$2a$04$abcdefghijklmnopqrstuulWnwmcE6E8MDasa5F8q7PgXbK/ltg76" },
        // crypt_blowfish's sign-extension bug, kept alive as $2x$.
        { "pässwörd✓", "$2x$04$abcdefghijklmnopqrstuuV7lnJD4qIiXIhPiNg2DO7T/bJp0/gtC" },
        // 71 bytes: the key still holds the NUL; 72 bytes: it does not; 73 bytes: byte 73 is ignored.
        { "0123456789012345678901234567890123456789012345678901234567890123456789a", "$2b$04$abcdefghijklmnopqrstuusYY20iXwjy3BJDTfglBxIzPR2LjAUO6" },
        { "0123456789012345678901234567890123456789012345678901234567890123456789ab", "$2b$04$abcdefghijklmnopqrstuuMtJwfagkGaCKZ.IMpPJzYjhgL/xnp2C" },
        { "0123456789012345678901234567890123456789012345678901234567890123456789abc", "$2b$04$abcdefghijklmnopqrstuuMtJwfagkGaCKZ.IMpPJzYjhgL/xnp2C" },
    };

    [Theory]
    [MemberData(nameof(Sha256Vectors))]
    public void Sha256_crypt_reproduces_the_specification_vectors(string setting, string key, string expected)
    {
        Assert.Equal(expected, ShaCryptVariant.Sha256.Crypt(Encoding.UTF8.GetBytes(key), setting));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify("{SHA256-CRYPT}" + expected, key));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify("{SHA256-CRYPT}" + expected, key + "!"));
    }

    [Theory]
    [MemberData(nameof(Sha512Vectors))]
    public void Sha512_crypt_reproduces_the_specification_vectors(string setting, string key, string expected)
    {
        Assert.Equal(expected, ShaCryptVariant.Sha512.Crypt(Encoding.UTF8.GetBytes(key), setting));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify("{SHA512-CRYPT}" + expected, key));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify("{SHA512-CRYPT}" + expected, key + "!"));
    }

    [Theory]
    [MemberData(nameof(Md5Vectors))]
    public void Md5_crypt_reproduces_libxcrypt(string key, string expected)
    {
        var salt = expected[3..expected.IndexOf('$', 3)];
        Span<byte> digest = stackalloc byte[16];
        Md5CryptPassword.ComputeDigest(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(salt), digest);
        Assert.Equal(expected, Md5CryptPassword.Format(salt, digest));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify("{MD5-CRYPT}" + expected, key));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(expected, key));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify("{MD5-CRYPT}" + expected, key + "!"));
    }

    [Theory]
    [MemberData(nameof(BcryptVectors))]
    public void Bcrypt_reproduces_libxcrypt(string key, string expected)
    {
        var salt = new byte[BcryptPassword.SaltSize];
        Assert.True(BcryptBase64.TryDecode(expected.AsSpan(7, 22), salt));
        Span<byte> digest = stackalloc byte[23];
        BcryptPassword.ComputeDigest(expected[2], Encoding.UTF8.GetBytes(key), salt, cost: int.Parse(expected.AsSpan(4, 2)), digest);
        Assert.Equal(expected, BcryptPassword.Format(expected[2], int.Parse(expected.AsSpan(4, 2)), salt, digest));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify("{BLF-CRYPT}" + expected, key));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(expected, key));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify("{BLF-CRYPT}" + expected, "x" + key));
    }

    [Theory]
    [InlineData("plain ascii", PasswordCheck.Match)]
    [InlineData("pässwörd✓", PasswordCheck.Mismatch)]
    public void Bcrypt_2x_keeps_the_sign_extension_bug_which_only_touches_bytes_above_0x7F(string key, PasswordCheck expected)
    {
        var correct = HashWithMinor('y', key);
        Assert.Equal(expected, PasswordHasher.Verify("$2x" + correct[3..], key));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(HashWithMinor('x', key), key));
    }

    [Fact]
    public void Crypt_base64_round_trips_every_digest_layout()
    {
        var random = new Random(1);
        foreach (var variant in new[] { ShaCryptVariant.Sha256, ShaCryptVariant.Sha512 })
        {
            var digest = new byte[variant.DigestSize];
            random.NextBytes(digest);
            var text = new char[variant.EncodedLength];
            CryptBase64.Encode(digest, variant.Layout, text);
            var back = new byte[variant.DigestSize];
            Assert.True(CryptBase64.TryDecode(text, variant.Layout, back));
            Assert.Equal(digest, back);
        }
    }

    private static string HashWithMinor(char minor, string key)
    {
        var salt = new byte[BcryptPassword.SaltSize];
        Assert.True(BcryptBase64.TryDecode("abcdefghijklmnopqrstuu", salt));
        Span<byte> digest = stackalloc byte[23];
        BcryptPassword.ComputeDigest(minor, Encoding.UTF8.GetBytes(key), salt, 4, digest);
        return BcryptPassword.Format(minor, 4, salt, digest);
    }
}
