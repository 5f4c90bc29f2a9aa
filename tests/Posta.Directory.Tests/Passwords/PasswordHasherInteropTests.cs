using System.Text;
using Posta.Directory.Passwords;

namespace Posta.Directory.Tests.Passwords;

/// <summary>Hashes cross between Posta and Dovecot 2.3's <c>doveadm pw</c> in both directions.</summary>
public class PasswordHasherInteropTests
{
    private const string Ascii = "correct horse battery staple";
    private const string Utf8 = "pässwörd✓";
    private const string Punctuation = "p@ss w0rd!$\"'\\`{}";

    // 72 bytes of UTF-8: all bcrypt reads. The other two put the 72-byte boundary before and inside a character.
    private static readonly string Bytes72 = string.Concat(Enumerable.Repeat("Zwölf€", 8));
    private static readonly string Bytes71 = new string('a', 69) + "é";
    private static readonly string Bytes73 = new string('a', 71) + "é";

    public static TheoryData<string, string> DovecotHashes()
    {
        var data = new TheoryData<string, string>();
        foreach (var scheme in new[] { "SHA512-CRYPT", "SHA256-CRYPT", "MD5-CRYPT", "BLF-CRYPT", "PLAIN", "CRYPT" })
        {
            foreach (var password in new[] { Ascii, Utf8, Punctuation })
                data.Add(scheme, password);
        }

        data.Add("BLF-CRYPT", Bytes72);
        data.Add("BLF-CRYPT", Bytes71);
        data.Add("SHA512-CRYPT", Bytes72);
        return data;
    }

    public static TheoryData<string, int?, string> PostaHashes()
    {
        // Low costs keep the test quick; one test below uses the defaults.
        var data = new TheoryData<string, int?, string>();
        foreach (var password in new[] { Ascii, Utf8, Punctuation })
        {
            data.Add("SHA512-CRYPT", 5000, password);
            data.Add("SHA256-CRYPT", 1000, password);
            data.Add("MD5-CRYPT", null, password);
            data.Add("BLF-CRYPT", 5, password);
            data.Add("PLAIN", null, password);
        }

        data.Add("BLF-CRYPT", 4, Bytes72);
        data.Add("BLF-CRYPT", 4, Bytes71);
        data.Add("SHA512-CRYPT", 1000, Bytes72);
        return data;
    }

    [Theory]
    [MemberData(nameof(DovecotHashes))]
    public void Posta_verifies_what_doveadm_hashes(string scheme, string password)
    {
        var hash = Doveadm.Hash(scheme, password);

        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, password));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, "x" + password));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, password[..^1]));
        Assert.True(PasswordHasher.IsValidStoredHash(hash, out var error), error);
    }

    [Theory]
    [MemberData(nameof(PostaHashes))]
    public void Doveadm_verifies_what_Posta_hashes(string scheme, int? cost, string password)
    {
        var hash = PasswordHasher.Hash(password, scheme, cost);

        var (exitCode, output) = Doveadm.Test(hash, password);
        Assert.True(exitCode == 0, $"doveadm rejected {hash}: {output}");
        Assert.Contains("(verified)", output, StringComparison.Ordinal);

        var (wrongExitCode, wrongOutput) = Doveadm.Test(hash, "x" + password);
        Assert.True(wrongExitCode != 0, $"doveadm accepted a wrong password for {hash}: {wrongOutput}");
    }

    [Fact]
    public void Doveadm_verifies_the_default_scheme_at_its_default_cost()
    {
        var hash = PasswordHasher.Hash(Utf8);

        Assert.StartsWith("{BLF-CRYPT}$2y$12$", hash, StringComparison.Ordinal);
        Assert.Equal(0, Doveadm.Test(hash, Utf8).ExitCode);
        Assert.NotEqual(0, Doveadm.Test(hash, Ascii).ExitCode);
    }

    [Fact]
    public void Doveadm_verifies_sha512_crypt_at_the_default_rounds()
    {
        var hash = PasswordHasher.Hash(Utf8, "SHA512-CRYPT");

        Assert.StartsWith("{SHA512-CRYPT}$6$rounds=500000$", hash, StringComparison.Ordinal);
        Assert.Equal(0, Doveadm.Test(hash, Utf8).ExitCode);
    }

    [Theory]
    [InlineData("SHA512-CRYPT", 6000)]
    [InlineData("SHA256-CRYPT", 6000)]
    [InlineData("SHA512-CRYPT", 1000)]
    public void Posta_verifies_doveadm_hashes_with_explicit_rounds(string scheme, int rounds)
    {
        var hash = Doveadm.Hash(scheme, Utf8, rounds);

        Assert.Contains($"$rounds={rounds}$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, Utf8));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, Ascii));
    }

    [Fact]
    public void Posta_verifies_doveadm_bcrypt_at_a_chosen_cost()
    {
        var hash = Doveadm.Hash("BLF-CRYPT", Utf8, rounds: 4);

        Assert.StartsWith("{BLF-CRYPT}$2y$04$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, Utf8));
    }

    [Theory]
    [InlineData("SHA512-CRYPT")]
    [InlineData("SHA256-CRYPT")]
    [InlineData("MD5-CRYPT")]
    [InlineData("BLF-CRYPT")]
    public void A_doveadm_hash_without_its_prefix_verifies_as_crypt(string scheme)
    {
        var hash = Doveadm.Hash(scheme, Utf8);
        var bare = hash[(hash.IndexOf('}', StringComparison.Ordinal) + 1)..];

        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(bare, Utf8));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify("{CRYPT}" + bare, Utf8));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(bare, Ascii));
    }

    [Theory]
    [InlineData("$2a$")]
    [InlineData("$2b$")]
    public void Bcrypt_variants_2a_and_2b_verify_like_2y_in_both_directions(string prefix)
    {
        var dovecot = Doveadm.Hash("BLF-CRYPT", Utf8, rounds: 4).Replace("$2y$", prefix, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(dovecot, Utf8));

        var posta = PasswordHasher.Hash(Utf8, "BLF-CRYPT", 4).Replace("$2y$", prefix, StringComparison.Ordinal);
        Assert.Equal(0, Doveadm.Test(posta, Utf8).ExitCode);
    }

    [Theory]
    [InlineData("pässwörd✓")]
    [InlineData("plain ascii")]
    public void Bcrypt_2x_matches_libxcrypts_sign_extension_bug(string password)
    {
        // Posta never writes $2x$, but verifies it; doveadm is the judge of what $2x$ means.
        var posta = PasswordHasher.Hash(password, "BLF-CRYPT", 4);
        var relabelled = posta.Replace("$2y$", "$2x$", StringComparison.Ordinal);
        Assert.Equal(
            PasswordHasher.Verify(relabelled, password) == PasswordCheck.Match,
            Doveadm.Test(relabelled, password).ExitCode == 0);
    }

    [Fact]
    public void Bcrypt_verification_ignores_bytes_past_72_like_libxcrypt()
    {
        var dovecot = Doveadm.Hash("BLF-CRYPT", Bytes72, rounds: 4);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(dovecot, Bytes72 + "anything"));
        Assert.Equal(0, Doveadm.Test(dovecot, Bytes72 + "anything").ExitCode);

        // The 72-byte cut may fall inside a character: both sides cut bytes, not characters.
        var cutInside = Doveadm.Hash("BLF-CRYPT", Bytes73, rounds: 4);
        Assert.Equal(73, Encoding.UTF8.GetByteCount(Bytes73));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(cutInside, Bytes73));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(cutInside, new string('a', 71) + "è"));
    }

    [Fact]
    public void Labels_of_the_crypt_family_follow_the_data_as_in_dovecot()
    {
        // Dovecot hands SHA512-CRYPT data to crypt(3), which reads "$1$" as MD5-crypt.
        var md5 = Doveadm.Hash("MD5-CRYPT", Utf8);
        var relabelled = "{SHA512-CRYPT}" + md5["{MD5-CRYPT}".Length..];

        Assert.Equal(0, Doveadm.Test(relabelled, Utf8).ExitCode);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(relabelled, Utf8));
    }

    [Fact]
    public void Test_passwords_have_the_byte_lengths_they_claim()
    {
        Assert.Equal(72, Encoding.UTF8.GetByteCount(Bytes72));
        Assert.Equal(71, Encoding.UTF8.GetByteCount(Bytes71));
    }
}
