using Posta.Directory.Passwords;

namespace Posta.Directory.Tests.Passwords;

/// <summary>{SCRAM-SHA-256} hashes: Dovecot's form, verified against plaintext, made by Posta, and crossed with doveadm.</summary>
public sealed class PasswordHasherScramTests
{
    private const string PencilKeys = "{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";

    [Fact]
    public void The_rfc7677_keys_verify_pencil_and_nothing_else()
    {
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(PencilKeys, "pencil"));
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(PencilKeys.Replace("SCRAM-SHA-256", "scram-sha-256", StringComparison.Ordinal), "pencil"));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(PencilKeys, "Pencil"));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(PencilKeys, ""));
        Assert.True(PasswordHasher.IsValidStoredHash(PencilKeys, out _));
    }

    [Theory]
    [InlineData("{SCRAM-SHA-256}")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=")]
    [InlineData("{SCRAM-SHA-256}0,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,AAAA,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    public void Malformed_scram_hashes_are_refused_with_a_reason(string stored)
    {
        Assert.False(PasswordHasher.IsValidStoredHash(stored, out var error));
        Assert.Contains("SCRAM-SHA-256", error, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Unsupported, PasswordHasher.Verify(stored, "pencil"));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("pässwörd✓")]
    public void Dovecot_scram_hashes_verify_in_posta(string password)
    {
        var hash = Doveadm.Hash("SCRAM-SHA-256", password);
        Assert.StartsWith("{SCRAM-SHA-256}4096,", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, password));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, password + "x"));
    }

    [Fact]
    public void Dovecot_derives_from_unprepared_bytes_and_posta_still_verifies_those_hashes()
    {
        // SASLprep maps U+00A0 to a space; Dovecot hashes the bytes as they are, so only the raw form matches.
        const string password = "no\u00A0break";
        var hash = Doveadm.Hash("SCRAM-SHA-256", password);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, password));
        Assert.Equal(PasswordCheck.Mismatch, PasswordHasher.Verify(hash, "no break"));
    }

    [Theory]
    [InlineData("correct horse battery staple", null)]
    [InlineData("pässwörd✓", 4096)]
    public void Posta_scram_hashes_verify_in_dovecot(string password, int? iterations)
    {
        var hash = PasswordHasher.Hash(password, "SCRAM-SHA-256", iterations);
        Assert.StartsWith($"{{SCRAM-SHA-256}}{iterations ?? 10000},", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Match, PasswordHasher.Verify(hash, password));
        var (exitCode, output) = Doveadm.Test(hash, password);
        Assert.True(exitCode == 0, output);
        Assert.NotEqual(0, Doveadm.Test(hash, password + "x").ExitCode);
    }

    [Fact]
    public void New_scram_hashes_keep_to_rfc7677s_minimum_and_saslprep()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHasher.Hash("pencil", "SCRAM-SHA-256", 4095));
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash("bell\u0007", "SCRAM-SHA-256"));
    }
}
